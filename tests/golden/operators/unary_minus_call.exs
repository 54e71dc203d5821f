# `foo -1` calls foo with -1 when foo is a function; `a-1` subtracts when a is a variable.
defmodule M do
  def foo(x), do: {:called, x}
  def bar, do: 10

  def run do
    IO.inspect(foo -1)
    IO.inspect(foo(-1))
    IO.inspect(bar() - 1)
    IO.inspect(bar - 1)
    a = 5
    IO.inspect(a - 1)
    IO.inspect(a-1)
  end
end

M.run()
