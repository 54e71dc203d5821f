fn () -> 1 end
