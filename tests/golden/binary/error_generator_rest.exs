# An unsized binary cannot be an element of a binary generator.
IO.inspect(for <<x::binary <- "abc">>, do: x)
