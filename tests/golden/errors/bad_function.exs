# Calling something that is not a function raises BadFunctionError.
f = 42
IO.puts("about to call")
f.(1)
