x = case a do b -> c end
