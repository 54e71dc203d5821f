fn a, b -> a + b end
