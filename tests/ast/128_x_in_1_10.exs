x in 1..10
