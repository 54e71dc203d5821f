# A call to an undefined function in a module body is a CompileError raised when the script
# reaches the defmodule; statements before it still run.
IO.puts("before")

defmodule M do
  foo(1)
  def a, do: 1
end

IO.puts(M.a())
