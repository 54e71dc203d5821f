# IO.inspect with label: returns its argument unchanged.
x = IO.inspect(1 + 2, label: "sum")
IO.inspect(x * 2, label: "double")
IO.inspect([1, 2], label: "list")
IO.inspect(%{a: 1}, label: :atom_label)
y = [3, 1, 2] |> IO.inspect(label: "before") |> Enum.sort() |> IO.inspect(label: "after")
IO.inspect(y == [1, 2, 3])
IO.inspect("str", label: "")
