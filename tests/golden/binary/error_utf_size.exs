# utf segments take no size.
<<x::utf8-size(8)>> = "a"
IO.inspect(x)
