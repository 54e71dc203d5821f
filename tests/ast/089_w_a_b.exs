~w[a b]
