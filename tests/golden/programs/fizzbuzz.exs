# FizzBuzz three ways: cond, case on a tuple, and multi-clause functions.
defmodule FB do
  def with_cond(n) do
    cond do
      rem(n, 15) == 0 -> "FizzBuzz"
      rem(n, 3) == 0 -> "Fizz"
      rem(n, 5) == 0 -> "Buzz"
      true -> Integer.to_string(n)
    end
  end

  def with_case(n) do
    case {rem(n, 3), rem(n, 5)} do
      {0, 0} -> "FizzBuzz"
      {0, _} -> "Fizz"
      {_, 0} -> "Buzz"
      _ -> to_string(n)
    end
  end

  def with_clauses(n), do: word(n, rem(n, 3), rem(n, 5))
  defp word(_, 0, 0), do: "FizzBuzz"
  defp word(_, 0, _), do: "Fizz"
  defp word(_, _, 0), do: "Buzz"
  defp word(n, _, _), do: "#{n}"
end
a = Enum.map(1..100, &FB.with_cond/1)
b = Enum.map(1..100, &FB.with_case/1)
c = Enum.map(1..100, &FB.with_clauses/1)
IO.inspect(a == b and b == c)
a |> Enum.take(20) |> Enum.join(" ") |> IO.puts()
IO.inspect(Enum.frequencies(Enum.filter(a, &(&1 in ["Fizz", "Buzz", "FizzBuzz"]))))
