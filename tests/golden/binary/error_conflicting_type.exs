# Two types for one segment.
<<x::integer-binary>> = "a"
IO.inspect(x)
