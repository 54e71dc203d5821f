# A float segment must be 16, 32 or 64 bits.
x = 1.0
IO.inspect(<<x::float-size(8)>>)
