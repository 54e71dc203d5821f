String.split("a,b", ",", trim: true)
