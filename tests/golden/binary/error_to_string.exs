# String.Chars of a bitstring that is not a binary raises as Elixir does.
x = <<1::3>>
IO.puts("#{x}")
