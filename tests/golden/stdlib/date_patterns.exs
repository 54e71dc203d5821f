# Calendar structs in patterns and struct syntax: %Date{}, %Time{}, sigils as patterns, guards.
defmodule Schedule do
  def kind(~D[2024-12-25]), do: :christmas
  def kind(%Date{month: 1, day: 1}), do: :new_year
  def kind(%Date{} = d), do: {:ordinary, Date.day_of_week(d)}

  def part(%Time{hour: h}) when h < 12, do: :morning
  def part(%Time{}), do: :afternoon

  def run do
    d = %Date{year: 2024, month: 5, day: 6}
    IO.inspect(d)
    %Date{year: y, month: m} = d
    IO.inspect({y, m})
    IO.inspect(Enum.map([~D[2024-12-25], ~D[2025-01-01], d], &kind/1))
    IO.inspect(Enum.map([~T[09:00:00], ~T[12:00:00]], &part/1))
    IO.inspect(match?(~D[2024-05-06], d))
    IO.inspect(match?(~T[10:00:00], ~T[10:00:00.000]))
    IO.inspect(match?(~N[2024-01-01 00:00:00], ~N[2024-01-01 00:00:00]))
    IO.inspect(%Time{hour: 1, minute: 2, second: 3})
    IO.inspect(%NaiveDateTime{year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0})
    IO.inspect(%{d | day: 7})
    IO.inspect(Map.from_struct(~D[2024-01-31]))
    IO.inspect(Map.keys(~T[10:00:00]))
  end
end

Schedule.run()
