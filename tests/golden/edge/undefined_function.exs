# UndefinedFunctionError
defmodule U do
  def a, do: 1
end
IO.inspect(U.a())
U.b(1, 2)
