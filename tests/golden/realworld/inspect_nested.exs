# IO.inspect of nested structures; long ones wrap at 80 columns
data = %{
  users: [
    %{id: 1, name: "Alice", tags: ["admin", "dev"], meta: %{logins: 42, last: {2023, 1, 15}}},
    %{id: 2, name: "Bob", tags: [], meta: %{logins: 3, last: nil}}
  ],
  settings: [theme: :dark, font_size: 14, plugins: [:git, :lint, :format]],
  counts: {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}
}
IO.inspect(data)
IO.inspect(Enum.to_list(1..40))
IO.inspect(Enum.map(1..12, fn i -> {i, String.duplicate("x", i)} end))
IO.inspect([short: 1, list: [1, 2, 3]])
IO.inspect(%{"string key" => [1, 2], :atom => %{nested: true}})
IO.inspect(List.duplicate("abcdefghij", 9))
IO.inspect({:ok, %{result: Enum.to_list(1..25), errors: [], warnings: ["deprecated call in line 12"]}})
IO.inspect(data, label: "labelled")
IO.inspect(Enum.to_list(1..100), limit: 10)
IO.inspect("a long string " <> String.duplicate("z", 90))
IO.inspect([[1, 2], [3, [4, [5, [6]]]]])
IO.inspect(%{a: [b: [c: [d: 1]]]})
