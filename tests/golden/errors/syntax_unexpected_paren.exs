# An unbalanced closing parenthesis.
IO.puts("ok"))
