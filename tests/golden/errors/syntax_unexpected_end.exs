# An extra `end` keyword.
defmodule M do
  def f, do: 1
end
end
