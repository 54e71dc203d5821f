# A struct holding a list of Geo.Point structs from another compiled file.
defmodule Geo.Polygon do
  defstruct points: [], name: "polygon"

  def from_pairs(name, pairs) do
    %Geo.Polygon{name: name, points: Enum.map(pairs, fn {x, y} -> Geo.Point.new(x, y) end)}
  end

  def perimeter_manhattan(%Geo.Polygon{points: [first | _] = pts}) do
    pts
    |> Enum.zip(tl(pts) ++ [first])
    |> Enum.map(fn {a, b} -> Geo.Point.manhattan(%Geo.Point{x: b.x - a.x, y: b.y - a.y}) end)
    |> Enum.sum()
  end
end
