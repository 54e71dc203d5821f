~w[x y]a
