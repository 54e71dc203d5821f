# Prime sieve, factorization, gcd
defmodule Primes do
  def sieve(n), do: sieve(Enum.to_list(2..n), [])
  defp sieve([], acc), do: Enum.reverse(acc)
  defp sieve([p | rest], acc), do: sieve(Enum.reject(rest, &(rem(&1, p) == 0)), [p | acc])

  def factors(n), do: factors(n, 2, [])
  defp factors(1, _, acc), do: Enum.reverse(acc)
  defp factors(n, d, acc) when d * d > n, do: Enum.reverse([n | acc])
  defp factors(n, d, acc) when rem(n, d) == 0, do: factors(div(n, d), d, [d | acc])
  defp factors(n, d, acc), do: factors(n, d + 1, acc)

  def gcd(a, 0), do: a
  def gcd(a, b), do: gcd(b, rem(a, b))
end
IO.inspect(Primes.sieve(100))
IO.inspect(length(Primes.sieve(1000)))
for n <- [12, 97, 360, 1001, 65536, 999_999] do
  fs = Primes.factors(n)
  pretty = fs |> Enum.frequencies() |> Enum.sort() |> Enum.map_join(" * ", fn {p, 1} -> "#{p}"; {p, k} -> "#{p}^#{k}" end)
  IO.puts("#{n} = #{pretty}")
end
IO.inspect(Primes.gcd(1071, 462))
IO.inspect(Integer.gcd(48, 18))
IO.inspect(div(48 * 18, Integer.gcd(48, 18)))
IO.inspect(Integer.digits(12345))
IO.inspect(Integer.undigits([1, 2, 3]))
IO.inspect(Integer.pow(2, 100))
IO.inspect(Integer.mod(-7, 3))
IO.inspect(Integer.floor_div(-7, 2))
