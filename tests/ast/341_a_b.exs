a <- b
