^pin = 1
