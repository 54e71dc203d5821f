!a.b
