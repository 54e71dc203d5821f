x in [1, 2]
