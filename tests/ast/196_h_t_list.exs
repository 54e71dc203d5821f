[h | t] = list
