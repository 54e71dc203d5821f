# signed only applies to numbers.
<<x::signed-binary>> = "a"
IO.inspect(x)
