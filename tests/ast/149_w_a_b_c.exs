~w(a b c)
