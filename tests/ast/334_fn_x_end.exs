fn x -> end
