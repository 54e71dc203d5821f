# Sorting with custom comparators
people = [
  %{name: "Zoe", age: 30, city: "Oslo"},
  %{name: "adam", age: 25, city: "Bergen"},
  %{name: "Bea", age: 30, city: "Bergen"},
  %{name: "carl", age: 22, city: "Oslo"}
]
IO.inspect(Enum.sort_by(people, & &1.name) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(people, &String.downcase(&1.name)) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(people, &{-&1.age, &1.name}) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(people, &{&1.city, &1.age}, :desc) |> Enum.map(& &1.name))
IO.inspect(Enum.sort(people, fn a, b -> a.age <= b.age end) |> Enum.map(& &1.name))
IO.inspect(Enum.sort([5, 3, 9, 1], :desc))
IO.inspect(Enum.sort(["b", "B", "a", "A", "ä"]))
IO.inspect(Enum.sort([3.0, 1, 2.5, 2]))
IO.inspect(Enum.sort([{2, :b}, {1, :z}, {2, :a}]))
IO.inspect(Enum.sort([:b, "a", 1, [1], {1}, %{}, 2.0, nil]))
IO.inspect(Enum.sort_by(["ccc", "a", "bb"], &String.length/1, &>=/2))
IO.inspect(Enum.max_by(people, & &1.age).name)
IO.inspect(Enum.min_by(people, &String.length(&1.name)).name)
IO.inspect(Enum.sort(["10", "9", "100"], &(String.to_integer(&1) <= String.to_integer(&2))))
IO.inspect(Enum.reverse(Enum.sort([4, 2, 8])))
IO.inspect(List.keysort([{:b, 2}, {:a, 3}, {:c, 1}], 1))
