# A call missing its closing parenthesis.
IO.puts("hello"
IO.puts("world")
