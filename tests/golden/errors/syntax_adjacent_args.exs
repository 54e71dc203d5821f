# Two arguments without a comma between them.
IO.puts(1 2)
