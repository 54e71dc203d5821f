# A stack GenServer registered by name: push/pop via call and cast, peek, and a timed message.
defmodule Stack do
  use GenServer

  def start_link(items) when is_list(items) do
    GenServer.start_link(__MODULE__, items, name: __MODULE__)
  end

  def push(item), do: GenServer.cast(__MODULE__, {:push, item})
  def pop, do: GenServer.call(__MODULE__, :pop)
  def peek, do: GenServer.call(__MODULE__, :peek)
  def size, do: GenServer.call(__MODULE__, :size)

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_call(:pop, _from, []), do: {:reply, {:error, :empty}, []}
  def handle_call(:pop, _from, [head | tail]), do: {:reply, {:ok, head}, tail}
  def handle_call(:peek, _from, stack), do: {:reply, List.first(stack), stack}
  def handle_call(:size, _from, stack), do: {:reply, length(stack), stack}

  @impl true
  def handle_cast({:push, item}, stack), do: {:noreply, [item | stack]}

  @impl true
  def handle_info({:push_later, item}, stack), do: {:noreply, [item | stack]}
  def handle_info(_other, stack), do: {:noreply, stack}
end

defmodule Main do
  def run do
    {:ok, pid} = Stack.start_link([:bottom])
    IO.inspect(Process.whereis(Stack) == pid, label: "registered as Stack")
    Stack.push(1)
    Stack.push(2)
    Stack.push(3)
    IO.inspect(Stack.size(), label: "size")
    IO.inspect(Stack.peek(), label: "peek")
    IO.inspect(Stack.pop(), label: "pop")
    IO.inspect(Stack.pop(), label: "pop")

    send(Stack, :ignored_message)
    Process.send_after(Stack, {:push_later, :timed}, 10)
    IO.inspect(wait_for_top(:timed), label: "after send_after")

    pops = for _ <- 1..4, do: Stack.pop()
    IO.inspect(pops, label: "drain")

    IO.inspect(GenServer.call(Stack, :size), label: "call by name")
    IO.inspect(GenServer.whereis(Stack) == pid, label: "GenServer.whereis")

    # starting a second server under the same name fails
    {:error, {:already_started, other}} = Stack.start_link([])
    IO.inspect(other == pid, label: "second start: already started")
  end

  # polls until the timed message has been handled
  defp wait_for_top(item) do
    case Stack.peek() do
      ^item ->
        item

      _ ->
        Process.sleep(5)
        wait_for_top(item)
    end
  end
end

Main.run()
