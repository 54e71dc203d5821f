!(a and b)
