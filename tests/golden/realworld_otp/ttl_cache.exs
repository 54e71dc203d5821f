defmodule TTLCache do
  use Agent

  def start_link(opts \\ []) do
    Agent.start_link(fn -> %{} end, name: Keyword.get(opts, :name, __MODULE__))
  end

  def put(key, value, ttl_ms) do
    Agent.update(__MODULE__, fn cache ->
      ref = make_ref()
      Map.put(cache, key, {value, ref})
    end)

    ref = Agent.get(__MODULE__, fn cache -> elem(cache[key], 1) end)
    cache_pid = Process.whereis(__MODULE__)
    Process.send_after(self(), {:expire, cache_pid, key, ref}, ttl_ms)
    :ok
  end

  def get(key) do
    Agent.get(__MODULE__, fn cache ->
      case Map.fetch(cache, key) do
        {:ok, {value, _ref}} -> {:ok, value}
        :error -> :miss
      end
    end)
  end

  def expire(key, ref) do
    Agent.get_and_update(__MODULE__, fn cache ->
      case cache do
        %{^key => {_value, ^ref}} -> {:expired, Map.delete(cache, key)}
        _ -> {:stale, cache}
      end
    end)
  end

  def keys, do: Agent.get(__MODULE__, &(&1 |> Map.keys() |> Enum.sort()))
  def size, do: Agent.get(__MODULE__, &map_size/1)
end

{:ok, _} = TTLCache.start_link()

:ok = TTLCache.put(:a, 1, 10)
:ok = TTLCache.put(:b, "two", 30)
:ok = TTLCache.put(:c, [3], 50)
IO.inspect(TTLCache.keys(), label: "keys")
IO.inspect(TTLCache.get(:b), label: "get b")
IO.inspect(TTLCache.get(:zzz), label: "get zzz")

# overwrite :c, which makes its first timer stale
:ok = TTLCache.put(:c, [3, 3], 70)

for _ <- 1..4 do
  receive do
    {:expire, _pid, key, ref} ->
      result = TTLCache.expire(key, ref)
      IO.puts("expire #{inspect(key)}: #{result} -> keys #{inspect(TTLCache.keys())}")
  end
end

IO.inspect(TTLCache.size(), label: "final size")

{:ok, counter} = Agent.start_link(fn -> 0 end)
Enum.each(1..10, fn i -> Agent.cast(counter, &(&1 + i)) end)
IO.inspect(Agent.get(counter, & &1), label: "counter after casts")
IO.inspect(Agent.get_and_update(counter, fn n -> {n * 2, 0} end), label: "get_and_update")
IO.inspect(Agent.get(counter, fn n -> n end), label: "reset")
IO.inspect(Agent.update(counter, fn n -> n + 1 end), label: "update returns")
IO.inspect(Agent.stop(counter), label: "stop")
