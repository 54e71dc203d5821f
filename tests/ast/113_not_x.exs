not(x)
