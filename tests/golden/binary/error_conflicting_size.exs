# Two sizes for one segment.
<<x::size(8)-size(16)>> = "ab"
IO.inspect(x)
