# ArithmeticError message
x = 5
IO.puts("x=#{x}")
x + "1"
