fn a when a > 1 -> a end
