a
and b
