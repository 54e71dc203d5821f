# A tuple whose elements lack a comma, deep inside an expression.
defmodule M do
  def f do
    [1, {2, 3}, {4 5}]
  end
end
