not a in b
