foo[1]
