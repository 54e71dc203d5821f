defmodule KV do
  use GenServer

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: Keyword.get(opts, :name, __MODULE__))
  def get(server \\ __MODULE__, key), do: GenServer.call(server, {:get, key})
  def put(server \\ __MODULE__, key, value), do: GenServer.call(server, {:put, key, value})
  def slow(server \\ __MODULE__, ms), do: GenServer.call(server, {:slow, ms}, 50)

  @impl true
  def init(opts) do
    case Keyword.get(opts, :mode) do
      :ignore -> :ignore
      :fail -> {:stop, :bad_config}
      _ -> {:ok, %{}}
    end
  end

  @impl true
  def handle_call({:get, key}, _from, state), do: {:reply, Map.fetch(state, key), state}
  def handle_call({:put, key, value}, _from, state), do: {:reply, :ok, Map.put(state, key, value)}
  def handle_call({:slow, ms}, _from, state), do: (Process.sleep(ms); {:reply, :done, state})
  def handle_call(:stop_me, _from, state), do: {:stop, :normal, :stopping, state}
end

defmodule Safe do
  def call(fun) do
    try do
      {:ok, fun.()}
    catch
      :exit, {reason, {GenServer, :call, [_server, msg, timeout]}} ->
        {:exit, reason, msg, timeout}
    end
  end
end

Process.flag(:trap_exit, true)

{:ok, pid} = KV.start_link([])
IO.inspect(KV.put(:lang, "elixir"), label: "put")
IO.inspect(KV.get(:lang), label: "get")
IO.inspect(KV.get(:missing), label: "get missing")

IO.inspect(KV.start_link([]) |> elem(0), label: "second start")
{:error, {:already_started, other}} = KV.start_link([])
IO.inspect(other == pid, label: "already_started same pid")

IO.inspect(KV.start_link(name: KV.Ignored, mode: :ignore), label: "ignore")
IO.inspect(Process.whereis(KV.Ignored), label: "ignored registered")
IO.inspect(KV.start_link(name: KV.Failed, mode: :fail), label: "fail")
receive do
  {:EXIT, _pid, reason} -> IO.inspect(reason, label: "EXIT from failed init")
after
  100 -> IO.puts("no EXIT from failed init")
end

IO.inspect(Safe.call(fn -> KV.get(NoSuchServer, :x) end), label: "no process")
IO.inspect(Safe.call(fn -> KV.slow(200) end), label: "timeout")
IO.inspect(Safe.call(fn -> KV.get(:lang) end), label: "still works")

IO.inspect(GenServer.call(pid, :stop_me), label: "stop reply")
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "server exit")
end
IO.inspect(Safe.call(fn -> GenServer.call(pid, {:get, :lang}) end), label: "call dead pid")
IO.inspect(GenServer.cast(NoSuchServer, :hello), label: "cast to nobody")

try do
  send(:nobody_here, :hi)
rescue
  e in ArgumentError -> IO.puts("send failed: " <> Exception.message(e))
end

try do
  GenServer.call(NoSuchServer, :ping)
catch
  :exit, reason -> IO.puts("exit message: " <> Exception.format_exit(reason))
end
