# Calling a function of a module that does not exist raises UndefinedFunctionError.
IO.puts("calling")
NoSuchModule.hello(1)
