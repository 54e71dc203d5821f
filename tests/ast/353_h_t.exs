[h | t]
