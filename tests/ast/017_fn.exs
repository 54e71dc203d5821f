fn
  x, y when x > 1 -> 1
  _, _ -> 2
end
