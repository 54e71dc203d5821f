&not in/2
