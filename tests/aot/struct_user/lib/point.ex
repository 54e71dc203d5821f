# A struct with defaults and functions that build and transform it.
defmodule Geo.Point do
  defstruct x: 0, y: 0, label: nil

  def new(x, y), do: %Geo.Point{x: x, y: y}

  def add(%Geo.Point{x: x1, y: y1} = p, %Geo.Point{x: x2, y: y2}), do: %{p | x: x1 + x2, y: y1 + y2}

  def manhattan(%Geo.Point{x: x, y: y}), do: abs(x) + abs(y)

  def to_string(%Geo.Point{x: x, y: y, label: nil}), do: "(#{x}, #{y})"
  def to_string(%Geo.Point{x: x, y: y, label: l}), do: "#{l}(#{x}, #{y})"
end
