~W(a#{b} c)
