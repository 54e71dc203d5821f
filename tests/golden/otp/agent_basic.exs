# Agent: start_link, get, update, get_and_update, cast and stop.
defmodule Counter do
  def run do
    {:ok, agent} = Agent.start_link(fn -> 0 end)
    IO.inspect(Agent.get(agent, & &1), label: "initial")
    IO.inspect(Agent.update(agent, &(&1 + 5)), label: "update")
    IO.inspect(Agent.get(agent, fn n -> n * 10 end), label: "get with fun")
    IO.inspect(Agent.get_and_update(agent, fn n -> {n, n + 1} end), label: "get_and_update")
    IO.inspect(Agent.get(agent, & &1), label: "after")
    IO.inspect(Agent.cast(agent, fn n -> n * 2 end), label: "cast")
    IO.inspect(Agent.get(agent, & &1), label: "after cast")

    {:ok, list} = Agent.start_link(fn -> [] end)
    for x <- [:a, :b, :c], do: Agent.update(list, &[x | &1])
    IO.inspect(Agent.get(list, &Enum.reverse/1), label: "list agent")

    # concurrent updates from many processes are serialized by the agent
    parent = self()

    for _ <- 1..50 do
      spawn(fn ->
        Agent.update(agent, &(&1 + 1))
        send(parent, :done)
      end)
    end

    for _ <- 1..50, do: (receive do: (:done -> :ok))
    IO.inspect(Agent.get(agent, & &1), label: "after 50 concurrent updates")

    ref = Process.monitor(agent)
    IO.inspect(Agent.stop(agent), label: "stop")

    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "agent down")
    end

    IO.inspect(Process.alive?(agent), label: "alive")

    # Agent.start/2 with a module function
    {:ok, map_agent} = Agent.start(Map, :new, [])
    Agent.update(map_agent, &Map.put(&1, :k, :v))
    IO.inspect(Agent.get(map_agent, &Map.get(&1, :k)), label: "map agent")
    Agent.stop(map_agent)
  end
end

Counter.run()
