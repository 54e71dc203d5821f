# Structs are maps: Map functions, equality and pattern matching on the module name.
defmodule Pt do
  defstruct x: 0, y: 0
  def new(x, y), do: %Pt{x: x, y: y}
  def add(%Pt{x: a, y: b}, %Pt{x: c, y: d}), do: %Pt{x: a + c, y: b + d}
  def norm1(%Pt{x: x, y: y}), do: abs(x) + abs(y)
end
defmodule Main do
  def run do
    p = Pt.add(Pt.new(1, 2), Pt.new(-5, 7))
    IO.inspect(p)
    IO.inspect(Pt.norm1(p))
    IO.inspect(Map.put(p, :x, 100))
    IO.inspect(Map.to_list(Pt.new(3, 4)))
    IO.inspect(Pt.new(1, 1) == Pt.new(1, 1))
    IO.inspect(Pt.new(1, 1) == %{x: 1, y: 1})
    %{__struct__: mod} = p
    IO.inspect(mod)
    IO.inspect(Enum.map([Pt.new(1, 0), Pt.new(0, 2)], &Pt.norm1/1))
    IO.inspect(Enum.sort_by([Pt.new(3, 0), Pt.new(1, 0)], & &1.x))
  end
end
Main.run()
