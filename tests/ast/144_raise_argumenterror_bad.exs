raise ArgumentError, "bad"
