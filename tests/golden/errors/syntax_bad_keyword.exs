# A keyword list with a missing value.
opts = [a: 1, b:]
IO.inspect(opts)
