# Sorting stability and mixed comparators
data = [{:b, 1}, {:a, 1}, {:c, 0}, {:d, 1}, {:e, 0}]
IO.inspect(Enum.sort_by(data, &elem(&1, 1)))
IO.inspect(Enum.sort_by(data, &elem(&1, 1), :desc))
IO.inspect(Enum.sort_by(data, &elem(&1, 1), &>=/2))
IO.inspect(Enum.sort([1, 1.0]))
IO.inspect(Enum.sort([1.0, 1]))
IO.inspect(Enum.uniq([1, 1.0, 1]))
IO.inspect(Enum.max([1, 1.0]))
IO.inspect(Enum.min([1.0, 1]))
IO.inspect(Enum.sort(["b", "a", "C"], :asc))
