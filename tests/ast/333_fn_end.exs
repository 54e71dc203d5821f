fn -> end
