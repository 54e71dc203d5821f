~w(a b c)s
