# String.to_integer on a non-numeric string raises ArgumentError.
IO.inspect(String.to_integer("12"))
IO.inspect(String.to_integer("twelve"))
