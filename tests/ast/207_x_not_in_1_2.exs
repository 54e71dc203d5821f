x not in [1, 2]
