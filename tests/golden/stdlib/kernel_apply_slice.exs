# Kernel.apply/2,3 (remote calls and captures), binary_slice/2,3, macro_exported?/3, node/1.
IO.inspect Kernel.apply(fn x -> x + 1 end, [1])
IO.inspect Kernel.apply(Enum, :sum, [[1, 2]])
f = &Kernel.apply/2
IO.inspect f.(&Enum.count/1, [[1, 2, 3]])
IO.inspect apply(String, :upcase, ["a"])
try do Kernel.apply(1, []) rescue e -> IO.inspect e end
try do Kernel.apply(Enum, :nope, []) rescue e -> IO.inspect e end
IO.inspect node(self())
IO.inspect node(make_ref())
try do node(1) rescue e -> IO.inspect e end
for r <- [0..2, 1..3//2, -3..-1, 0..-1//1, 2..10, 5..6, -10..1, 0..0, 1..4//3, 0..4//10] do
  IO.inspect {r, binary_slice("hello", r)}
end
for {s, n} <- [{0, 2}, {-2, 5}, {10, 1}, {-10, 2}, {1, 0}, {4, 100}] do
  IO.inspect {s, n, binary_slice("hello", s, n)}
end
try do binary_slice("ab", 3..1//-1) rescue e -> IO.inspect e end
try do binary_slice("ab", 1, -1) rescue e -> IO.inspect e.__struct__ end
try do binary_slice(:a, 1, 1) rescue e -> IO.inspect e.__struct__ end
IO.inspect macro_exported?(Enum, :map, 2)
IO.inspect macro_exported?(NoSuch, :x, 0)
try do macro_exported?(1, :a, 1) rescue e -> IO.inspect e.__struct__ end
IO.inspect Kernel.__info__(:functions) |> Keyword.take([:apply, :binary_slice, :node, :macro_exported?])
