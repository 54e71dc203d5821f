# Tuple operations
t = {:a, :b, :c}
IO.inspect(elem(t, 1))
IO.inspect(put_elem(t, 0, :z))
IO.inspect(Tuple.append(t, :d))
IO.inspect(Tuple.insert_at(t, 1, :x))
IO.inspect(Tuple.delete_at(t, 2))
IO.inspect(Tuple.duplicate(0, 3))
IO.inspect(tuple_size({}))
IO.inspect(Tuple.to_list({1, {2, 3}}))
IO.inspect(List.to_tuple([]))
IO.inspect(Tuple.sum({1, 2, 3.5}))
IO.inspect(Tuple.product({2, 3}))
IO.inspect({1, 2} == {1, 2.0})
