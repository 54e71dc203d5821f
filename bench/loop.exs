# Tail-recursive counting loop: 100,000,000 iterations, each a self tail call plus two
# integer operations. Measures the interpreter's dispatch and tail-call cost.
# Prints 1 + 2 + ... + 100000000 = 5000000050000000 (fits in 53 bits).
defmodule Loop do
  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + n)
end

IO.puts("#{Loop.loop(100_000_000, 0)}")
