[a, b | c]
