# Uncaught throw prints ** (throw)
IO.puts("before throw")
throw({:oops, [1, 2]})
