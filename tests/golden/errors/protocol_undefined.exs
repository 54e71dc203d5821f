# Enumerating something that is not enumerable raises Protocol.UndefinedError.
IO.inspect(Enum.map([1], &(&1 + 1)))
Enum.map(42, &(&1 + 1))
