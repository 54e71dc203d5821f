# unit needs a size for integers.
<<x::unit(8)>> = "a"
IO.inspect(x)
