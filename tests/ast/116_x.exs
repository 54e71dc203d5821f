+x
