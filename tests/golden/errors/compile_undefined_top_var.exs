# An undefined variable at the top level of the script.
x = 1
IO.puts(x + z)
