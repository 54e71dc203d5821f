# Multi-clause functions with guards
defmodule Classify do
  def kind(x) when is_integer(x) and x < 0, do: :negative_int
  def kind(0), do: :zero
  def kind(x) when is_integer(x), do: :positive_int
  def kind(x) when is_float(x), do: :float
  def kind(x) when is_binary(x) and byte_size(x) == 0, do: :empty_string
  def kind(x) when is_binary(x), do: :string
  def kind(x) when is_atom(x) and x in [true, false], do: :boolean
  def kind(nil), do: :nil_atom
  def kind(x) when is_atom(x), do: :atom
  def kind([]), do: :empty_list
  def kind([_ | _]), do: :list
  def kind(x) when is_tuple(x) and tuple_size(x) == 2, do: :pair
  def kind(x) when is_tuple(x), do: :tuple
  def kind(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def kind(%{}), do: :map
  def kind(x) when is_function(x, 1), do: :fun1
  def kind(x) when is_function(x), do: :fun

  def grade(score) when score >= 90, do: "A"
  def grade(score) when score >= 80, do: "B"
  def grade(score) when score >= 70, do: "C"
  def grade(_), do: "F"

  def fizz(n) when rem(n, 15) == 0, do: "FizzBuzz"
  def fizz(n) when rem(n, 3) == 0, do: "Fizz"
  def fizz(n) when rem(n, 5) == 0, do: "Buzz"
  def fizz(n), do: to_string(n)
end

values = [-5, 0, 7, 1.5, "", "hi", true, nil, :ok, [], [1], {1, 2}, {1, 2, 3}, %{}, %{a: 1}, &abs/1, &max/2]
Enum.each(values, fn v -> IO.puts("#{inspect(Classify.kind(v))}") end)
IO.inspect(Enum.map([95, 85, 75, 10], &Classify.grade/1))
IO.puts(Enum.map_join(1..15, " ", &Classify.fizz/1))
