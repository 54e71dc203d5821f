assert x == 1
