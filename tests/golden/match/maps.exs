# Map patterns match a subset of keys.
%{a: a} = %{a: 1, b: 2}
IO.inspect(a)
%{"k" => v} = %{"k" => "value"}
IO.inspect(v)
%{} = %{x: 1}
IO.puts("empty map pattern matches any map")
defmodule Shape do
  def area(%{type: :square, side: s}), do: s * s
  def area(%{type: :rect, w: w, h: h}), do: w * h
  def area(%{}), do: :unknown
end
IO.inspect(Shape.area(%{type: :square, side: 3}))
IO.inspect(Shape.area(%{type: :rect, w: 2, h: 5, color: :red}))
IO.inspect(Shape.area(%{type: :circle}))
%{a: %{b: b}} = %{a: %{b: [1, 2]}}
IO.inspect(b)
