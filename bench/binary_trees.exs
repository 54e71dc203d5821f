# The Computer Language Benchmarks Game "binary-trees" with max depth 17: allocates
# ~30M short-lived tuples (GC / allocator throughput) plus one long-lived tree.
# A tree is a 2-tuple {left, right}; a leaf is {nil, nil}.
defmodule BinaryTrees do
  def make(0), do: {nil, nil}
  def make(d), do: {make(d - 1), make(d - 1)}

  def check({nil, nil}), do: 1
  def check({l, r}), do: 1 + check(l) + check(r)

  def max2(a, b) when a > b, do: a
  def max2(_a, b), do: b

  def pow2(0), do: 1
  def pow2(n), do: 2 * pow2(n - 1)

  # sum of check(make(d)) over `iters` freshly built trees
  def sum_trees(0, _d, acc), do: acc
  def sum_trees(iters, d, acc), do: sum_trees(iters - 1, d, acc + check(make(d)))

  def depths(d, max_depth, _min_depth) when d > max_depth, do: :ok

  def depths(d, max_depth, min_depth) do
    iters = pow2(max_depth - d + min_depth)
    IO.puts("#{iters}\t trees of depth #{d}\t check: #{sum_trees(iters, d, 0)}")
    depths(d + 2, max_depth, min_depth)
  end

  def main(n) do
    min_depth = 4
    max_depth = max2(min_depth + 2, n)
    stretch = max_depth + 1
    IO.puts("stretch tree of depth #{stretch}\t check: #{check(make(stretch))}")
    long_lived = make(max_depth)
    depths(min_depth, max_depth, min_depth)
    IO.puts("long lived tree of depth #{max_depth}\t check: #{check(long_lived)}")
  end
end

BinaryTrees.main(17)
