# Captures over struct-like maps, tuples and nested calls.
people = [%{name: "ann", age: 31}, %{name: "bob", age: 25}, %{name: "cy", age: 40}]
IO.inspect(Enum.map(people, & &1.name))
IO.inspect(Enum.map(people, &{&1.name, &1.age + 1}))
IO.inspect(Enum.filter(people, &(&1.age > 30)) |> Enum.map(&String.upcase(&1.name)))
IO.inspect(Enum.sort_by(people, & &1.age, :desc) |> Enum.map(& &1.name))
f = &Enum.map(&1, fn x -> x * &2 end)
IO.inspect(f.([1, 2, 3], 10))
g = &(&1 <> "-" <> &1)
IO.inspect(g.("ab"))
IO.inspect(Enum.map([[1, 2], [3]], &length/1))
