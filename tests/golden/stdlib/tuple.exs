# Tuple module functions.
IO.inspect(Tuple.to_list({1, 2, 3}))
IO.inspect(Tuple.to_list({}))
IO.inspect(Tuple.append({1, 2}, 3))
IO.inspect(Tuple.append({}, :first))
IO.inspect(Tuple.duplicate(0, 4))
IO.inspect(Tuple.duplicate(:x, 0))
