fn x -> x end
