# An uncaught throw terminates with ** (throw).
IO.puts("throwing")
throw({:oops, [1, 2]})
