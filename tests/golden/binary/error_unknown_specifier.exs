# A bitstring specifier Elixir does not know is a CompileError.
IO.puts("never printed")
x = 1
IO.inspect(<<x::foo>>)
