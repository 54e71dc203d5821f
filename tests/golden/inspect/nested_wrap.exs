# Nested data wider than 80 columns is pretty printed across lines.
data = %{
  name: "a fairly long name string",
  items: [%{id: 1, tags: [:alpha, :beta]}, %{id: 2, tags: [:gamma, :delta, :epsilon]}],
  meta: {:ok, "some metadata value", 12345}
}
IO.inspect(data)
IO.inspect([alpha: "aaaaaaaaaaaaaaa", beta: "bbbbbbbbbbbbbbbbb", gamma: "ccccccccccccccccc", delta: 4])
IO.inspect({:a_long_atom_name, :another_long_atom_name, :yet_another_long_atom, :and_one_more})
IO.inspect(%{list: Enum.to_list(1..40)})
IO.inspect([[1, 2, 3], [4, 5, 6]], width: 10)
IO.inspect(%{a: 1, b: 2}, width: 5)
