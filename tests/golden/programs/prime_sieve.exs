# Sieve of Eratosthenes with a map of composites, and trial-division checks.
defmodule Sieve do
  def primes(n) do
    composites =
      Enum.reduce(2..n, %{}, fn i, acc ->
        if Map.has_key?(acc, i) or i * i > n do
          acc
        else
          Enum.reduce(i * i..n//i, acc, fn j, a -> Map.put(a, j, true) end)
        end
      end)
    Enum.reject(2..n, &Map.has_key?(composites, &1))
  end

  def prime?(n) when n < 2, do: false
  def prime?(n), do: check(n, 2)
  defp check(n, d) when d * d > n, do: true
  defp check(n, d) when rem(n, d) == 0, do: false
  defp check(n, d), do: check(n, d + 1)
end
ps = Sieve.primes(200)
IO.inspect(ps)
IO.puts("count below 200: #{length(ps)}")
IO.puts("count below 10000: #{length(Sieve.primes(10_000))}")
IO.inspect(Enum.filter(1..50, &Sieve.prime?/1) == Enum.take_while(ps, &(&1 <= 50)))
IO.inspect(Sieve.prime?(1_000_003))
twins = ps |> Enum.chunk_every(2, 1, :discard) |> Enum.filter(fn [a, b] -> b - a == 2 end)
IO.inspect(Enum.take(twins, 6))
