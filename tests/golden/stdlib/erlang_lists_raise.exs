# :lists functions that take a function (Ember.Erlang.Lists), :erlang.raise/3 rethrowing with a
# stacktrace, and Map.new/1 enumerating MapSet and Stream structs.
IO.inspect :lists.foldl(fn x, a -> x + a end, 0, [1, 2, 3])
IO.inspect :lists.foldr(fn x, a -> [x | a] end, [], [1, 2, 3])
IO.inspect :lists.map(&(&1 * 2), [1, 2])
IO.inspect :lists.filter(&(&1 > 1), [1, 2, 3])
IO.inspect :lists.all(&(&1 > 0), [1, 2]), label: "all"
IO.inspect :lists.any(&(&1 > 1), [1, 2]), label: "any"
IO.inspect :lists.takewhile(&(&1 < 3), [1, 2, 3, 1])
IO.inspect :lists.dropwhile(&(&1 < 3), [1, 2, 3, 1])
IO.inspect :lists.partition(&(&1 > 1), [1, 2, 3])
IO.inspect :lists.mapfoldl(fn x, a -> {x * 2, a + x} end, 0, [1, 2])
IO.inspect :lists.sort(&(&1 >= &2), [1, 3, 2])
:lists.foreach(&IO.puts/1, ["a", "b"])
IO.inspect Map.new(MapSet.new([{1, 2}]))
IO.inspect Map.new(Stream.map([a: 1], & &1))
try do
  try do
    raise "x"
  catch
    k, r -> :erlang.raise(k, r, __STACKTRACE__)
  end
rescue
  e -> IO.inspect(e)
end
try do
  try do
    throw(:t)
  catch
    k, r -> :erlang.raise(k, r, __STACKTRACE__)
  end
catch
  k, r -> IO.inspect({k, r})
end
