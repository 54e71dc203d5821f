# The :limit and :printable_limit options.
IO.inspect([1, 2, 3, 4, 5], limit: 3)
IO.inspect({1, 2, 3, 4, 5}, limit: 2)
IO.inspect(%{a: 1, b: 2, c: 3}, limit: 1)
IO.inspect(Enum.to_list(1..100), limit: :infinity, width: 200)
IO.puts(inspect([1, [2, [3, [4]]]], limit: 2))
IO.inspect("abcdefghij", printable_limit: 4)
IO.inspect('abcdefghij', printable_limit: 4)
IO.puts(inspect(Enum.to_list(1..5), limit: 0))
