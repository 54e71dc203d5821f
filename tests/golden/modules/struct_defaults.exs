# defstruct with a keyword list, a list of atoms, and nested structs.
defmodule Inner do
  defstruct value: 1
end
defmodule Outer do
  defstruct [:id, inner: %Inner{}, list: []]
  def new(id), do: %Outer{id: id}
  def bump(%Outer{inner: %Inner{value: v} = i} = o), do: %{o | inner: %{i | value: v + 1}}
end
o = Outer.new(7)
IO.inspect(o)
IO.inspect(Outer.bump(Outer.bump(o)))
IO.inspect(o.inner.value)
