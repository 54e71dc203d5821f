# Structs defined in compiled modules, built, matched and updated by the script.
p = %Geo.Point{x: 3, y: -4}
IO.inspect(p)
IO.inspect(%Geo.Point{})
IO.puts(Geo.Point.to_string(p))
IO.puts(Geo.Point.to_string(%{p | label: "P"}))
%Geo.Point{x: px} = p
IO.inspect(px, label: "x")
IO.inspect(Geo.Point.manhattan(p), label: "manhattan")
IO.inspect(Geo.Point.add(p, Geo.Point.new(10, 10)))
IO.inspect(is_struct(p, Geo.Point), label: "is_struct")
IO.inspect(p.__struct__)
IO.inspect(Map.from_struct(p))

defmodule Script do
  def shift_all(%Geo.Polygon{points: pts} = poly, dx) do
    %Geo.Polygon{poly | points: Enum.map(pts, fn pt -> %Geo.Point{pt | x: pt.x + dx} end)}
  end

  def describe(%Geo.Polygon{name: name, points: pts}) do
    "#{name}: " <> Enum.map_join(pts, " ", &Geo.Point.to_string/1)
  end
end

square = Geo.Polygon.from_pairs("square", [{0, 0}, {2, 0}, {2, 2}, {0, 2}])
IO.puts(Script.describe(square))
IO.puts(Script.describe(Script.shift_all(square, 5)))
IO.inspect(Geo.Polygon.perimeter_manhattan(square), label: "perimeter")
case Script.shift_all(square, 1) do
  %Geo.Polygon{points: [%Geo.Point{x: 1} | _]} -> IO.puts("matched shifted polygon")
  _ -> IO.puts("no match")
end
