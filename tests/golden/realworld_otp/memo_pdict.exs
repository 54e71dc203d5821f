defmodule Memo do
  def fib(n) when n < 2, do: n

  def fib(n) do
    case Process.get({:fib, n}) do
      nil ->
        value = fib(n - 1) + fib(n - 2)
        Process.put({:fib, n}, value)
        value

      value ->
        value
    end
  end

  def cache_size do
    Process.get_keys() |> Enum.count(&match?({:fib, _}, &1))
  end
end

IO.inspect(Memo.fib(90), label: "fib(90)")
IO.inspect(Memo.cache_size(), label: "cached entries")
IO.inspect(Process.get({:fib, 10}), label: "fib 10 from dict")
IO.inspect(Process.get(:missing, :default), label: "default")
IO.inspect(Process.put(:counter, 1), label: "first put")
IO.inspect(Process.put(:counter, 2), label: "second put")
IO.inspect(Process.delete(:counter), label: "delete")
IO.inspect(Process.delete(:counter), label: "delete again")

# each process has its own dictionary
parent = self()
spawn(fn ->
  send(parent, {:child_sees, Process.get({:fib, 10}), Memo.cache_size()})
end)
receive do
  {:child_sees, v, size} -> IO.puts("child sees #{inspect(v)} with #{size} entries")
end

task = Task.async(fn -> Memo.fib(30); Memo.cache_size() end)
IO.inspect(Task.await(task), label: "task cache size")
IO.inspect(Memo.cache_size(), label: "main cache size still")

Process.put(:config, %{retries: 3})
IO.inspect(Process.get(:config).retries, label: "config retries")
IO.inspect(Process.get_keys(123), label: "keys with value 123")
Process.put(:a, 123)
Process.put(:b, 123)
IO.inspect(Enum.sort(Process.get_keys(123)), label: "keys with value 123")
list = Process.get() |> Enum.filter(fn {k, _} -> k in [:a, :b, :config] end) |> Enum.sort()
IO.inspect(list, label: "atom keys")
