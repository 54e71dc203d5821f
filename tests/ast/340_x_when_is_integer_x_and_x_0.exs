x when is_integer(x) and x > 0
