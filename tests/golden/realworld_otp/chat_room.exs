defmodule ChatRoom do
  use GenServer

  def start_link(topic), do: GenServer.start_link(__MODULE__, topic, name: __MODULE__)
  def join(nick), do: GenServer.call(__MODULE__, {:join, nick, self()})
  def say(text), do: GenServer.call(__MODULE__, {:say, self(), text})
  def leave, do: GenServer.call(__MODULE__, {:leave, self()})
  def transcript, do: GenServer.call(__MODULE__, :transcript)

  @impl true
  def init(topic), do: {:ok, %{topic: topic, users: %{}, lines: []}}

  @impl true
  def handle_call({:join, nick, pid}, _from, state) do
    if nick in Map.values(state.users) do
      {:reply, {:error, :nick_taken}, state}
    else
      state = broadcast(state, "* #{nick} joined #{state.topic}")
      {:reply, {:ok, Map.values(state.users) |> Enum.sort()}, put_in(state.users[pid], nick)}
    end
  end

  def handle_call({:say, pid, text}, _from, state) do
    case Map.fetch(state.users, pid) do
      {:ok, nick} -> {:reply, :ok, broadcast(state, "<#{nick}> #{text}")}
      :error -> {:reply, {:error, :not_joined}, state}
    end
  end

  def handle_call({:leave, pid}, _from, state) do
    {nick, users} = Map.pop(state.users, pid)
    {:reply, :ok, broadcast(%{state | users: users}, "* #{nick} left")}
  end

  def handle_call(:transcript, _from, state), do: {:reply, Enum.reverse(state.lines), state}

  defp broadcast(state, line) do
    for {pid, _} <- state.users, do: send(pid, {:chat, line})
    %{state | lines: [line | state.lines]}
  end
end

defmodule User do
  def start(nick, script, parent) do
    spawn(fn ->
      receive do
        :go -> :ok
      end
      {:ok, others} = ChatRoom.join(nick)
      send(parent, {:joined, nick, others})
      run(nick, script, parent, 0)
    end)
  end

  defp run(nick, [], parent, heard) do
    :ok = ChatRoom.leave()
    send(parent, {:left, nick, heard})
  end

  defp run(nick, [{:say, text} | rest], parent, heard) do
    :ok = ChatRoom.say(text)
    run(nick, rest, parent, heard)
  end

  defp run(nick, [{:wait_for, pattern} | rest], parent, heard) do
    receive do
      {:chat, line} ->
        if String.contains?(line, pattern),
          do: run(nick, rest, parent, heard + 1),
          else: run(nick, [{:wait_for, pattern} | rest], parent, heard + 1)
    end
  end
end

{:ok, _} = ChatRoom.start_link("#elixir")
me = self()
ann = User.start("ann", [{:wait_for, "bob joined"}, {:say, "hi all"}, {:wait_for, "hey ann"}, {:say, "bye"}], me)
bob = User.start("bob", [{:wait_for, "hi all"}, {:say, "hey ann"}, {:wait_for, "* ann left"}], me)

send(ann, :go)
receive do {:joined, "ann", others} -> IO.inspect(others, label: "ann sees") end
IO.inspect(ChatRoom.say("am I here?"), label: "outsider says")
IO.inspect(ChatRoom.join("ann"), label: "duplicate nick")
send(bob, :go)
receive do {:joined, "bob", others} -> IO.inspect(others, label: "bob sees") end


lefts = for _ <- 1..2, do: (receive do {:left, nick, heard} -> {nick, heard} end)
IO.inspect(Enum.sort(lefts), label: "left")  # the two users leave concurrently
ChatRoom.transcript() |> Enum.each(&IO.puts/1)
