# Multi-clause functions are tried top to bottom.
defmodule Fib do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
end
IO.inspect(Enum.map(0..15, &Fib.fib/1))
defmodule Resp do
  def handle({:ok, v}), do: "ok: #{v}"
  def handle({:error, :not_found}), do: "not found"
  def handle({:error, other}), do: "error: #{inspect(other)}"
  def handle(_), do: "unknown"
end
for r <- [{:ok, 1}, {:error, :not_found}, {:error, {:x, 1}}, :what] do
  IO.puts(Resp.handle(r))
end
