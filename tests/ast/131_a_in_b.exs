!a in b
