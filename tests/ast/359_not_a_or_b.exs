not (a or b)
