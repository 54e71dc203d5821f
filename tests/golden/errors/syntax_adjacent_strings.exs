# Two string literals side by side.
x = 1
IO.puts("a" "b")
