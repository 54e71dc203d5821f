# A stream over a value that is not enumerable fails only when it is run, with Protocol.UndefinedError.
stream = Stream.map(42, &(&1 + 1))
IO.puts("built lazily")
IO.inspect(Enum.take(Stream.concat([1, 2], stream), 2))
Enum.to_list(stream)
