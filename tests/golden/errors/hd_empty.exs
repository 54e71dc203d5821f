# hd([]) raises ArgumentError.
defmodule M do
  def first(l), do: hd(l)
end
IO.inspect(M.first([1]))
IO.inspect(M.first([]))
