# Struct inspection and errors
defmodule P do
  defstruct x: 0, y: 0
end
defmodule E do
  defstruct [:a, b: %{}, c: []]
end
defmodule Run do
  def go do
    IO.inspect(%P{})
    IO.inspect(%P{x: 1.5, y: -2})
    IO.inspect(%E{})
    IO.inspect([%P{}, %P{x: 1}])
    IO.inspect(%{point: %P{}})
    p = %P{x: 1}
    IO.inspect(%{p | y: 9})
    IO.inspect(p.x)
    IO.inspect(Map.put(p, :z, 1))
    IO.inspect(Map.keys(p))
    IO.inspect(P.__struct__())
    IO.inspect(%P{} == %P{x: 0, y: 0})
    %{p | z: 1}
  end
end
Run.go()
