a ^^^ b
