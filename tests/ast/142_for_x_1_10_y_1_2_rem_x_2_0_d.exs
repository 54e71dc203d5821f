for x <- 1..10, y <- [1, 2], rem(x, 2) == 0, do: {x, y}
