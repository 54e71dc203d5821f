# Control structures nested inside each other and inside functions.
defmodule N do
  def grade(scores) do
    for s <- scores do
      cond do
        s >= 90 -> if s == 100, do: "A+", else: "A"
        s >= 80 -> "B"
        true ->
          case s do
            0 -> "zero"
            _ -> unless s < 50, do: "C", else: "F"
          end
      end
    end
  end
end
IO.inspect(N.grade([100, 95, 85, 70, 20, 0]))
table = for i <- 1..3 do
  for j <- 1..3, into: "" do
    if i == j, do: "x", else: "."
  end
end
Enum.each(table, &IO.puts/1)
