a
not in b
