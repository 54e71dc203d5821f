# An invalid ~D sigil is an ArgumentError while compiling: nothing of the file runs.
IO.puts("not printed")
IO.inspect(~D[2024-02-30])
