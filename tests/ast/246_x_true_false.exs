x = true && !false
