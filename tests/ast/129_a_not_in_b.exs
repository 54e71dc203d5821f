a not in b
