@a.b
