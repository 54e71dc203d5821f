list[0]
