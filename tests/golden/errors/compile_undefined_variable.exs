# Using an undefined variable inside a module is a compile error (reported as an undefined function).
IO.puts("top-level code before the module runs before it is compiled")
defmodule M do
  def f(x), do: x + y
end
