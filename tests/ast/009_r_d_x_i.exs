~r/\d#{x}/i
