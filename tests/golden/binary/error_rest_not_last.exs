# A binary field without size must be the last segment of a pattern.
<<x::binary, y>> = "ab"
IO.inspect({x, y})
