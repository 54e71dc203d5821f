# A hand-written key-value server with a client API, tail-recursive receive loop and state.
defmodule KV do
  def start do
    spawn(fn -> loop(%{}) end)
  end

  def put(server, key, value), do: call(server, {:put, key, value})
  def get(server, key, timeout \\ 5000), do: call(server, {:get, key}, timeout)
  def delete(server, key), do: call(server, {:delete, key})
  def keys(server), do: call(server, :keys)

  defp call(server, request, timeout \\ 5000) do
    ref = make_ref()
    send(server, {:call, self(), ref, request})

    receive do
      {:reply, ^ref, reply} -> reply
    after
      timeout -> {:error, :timeout}
    end
  end

  defp loop(state) do
    receive do
      {:call, from, ref, request} ->
        {reply, new_state} = handle(request, state)
        send(from, {:reply, ref, reply})
        loop(new_state)

      :stop ->
        :ok
    end
  end

  defp handle({:put, k, v}, state), do: {:ok, Map.put(state, k, v)}
  defp handle({:get, k}, state), do: {Map.fetch(state, k), state}
  defp handle({:delete, k}, state), do: {Map.has_key?(state, k), Map.delete(state, k)}
  defp handle(:keys, state), do: {state |> Map.keys() |> Enum.sort(), state}
end

defmodule Main do
  def run do
    kv = KV.start()
    IO.inspect(KV.put(kv, :a, 1), label: "put a")
    IO.inspect(KV.put(kv, :b, [2, 3]), label: "put b")
    IO.inspect(KV.get(kv, :a), label: "get a")
    IO.inspect(KV.get(kv, :zzz), label: "get zzz")
    IO.inspect(KV.keys(kv), label: "keys")
    IO.inspect(KV.delete(kv, :a), label: "delete a")
    IO.inspect(KV.delete(kv, :a), label: "delete a again")

    # many clients at once
    parent = self()

    for c <- 1..10 do
      spawn(fn ->
        for i <- 1..10, do: KV.put(kv, {c, i}, c * i)
        send(parent, {:client_done, c})
      end)
    end

    for c <- 1..10 do
      receive do
        {:client_done, ^c} -> :ok
      end
    end

    IO.inspect(length(KV.keys(kv)), label: "keys after clients")
    IO.inspect(KV.get(kv, {7, 6}), label: "7*6")

    ref = Process.monitor(kv)
    send(kv, :stop)

    receive do
      {:DOWN, ^ref, :process, ^kv, :normal} -> IO.puts("server stopped")
    end

    IO.inspect(KV.get(kv, :b, 100), label: "call to stopped server")
  end
end

Main.run()
