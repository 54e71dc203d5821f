fun = fn
  0 -> :zero
  n when n > 0 ->
    :pos
end
