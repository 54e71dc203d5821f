a ||| b
