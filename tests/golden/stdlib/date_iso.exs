# Date ISO 8601 parsing and formatting, sorting dates with the Date module as sorter.
IO.inspect(Date.from_iso8601("2024-01-31"))
IO.inspect(Date.from_iso8601("2024-02-30"))
IO.inspect(Date.from_iso8601("2024-1-31"))
IO.inspect(Date.from_iso8601("not a date"))
IO.inspect(Date.from_iso8601("2024-01-31T10:00:00"))
IO.inspect(Date.from_iso8601!("1999-12-31"))
IO.inspect(Date.to_iso8601(~D[2024-01-05]))
IO.inspect(Date.to_string(~D[0099-01-05]))
try do
  Date.from_iso8601!("2024-13-01")
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
try do
  Date.from_iso8601!("yesterday")
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
dates = [~D[2024-03-01], ~D[2023-12-25], ~D[2024-01-31], ~D[2024-01-01]]
IO.inspect(Enum.sort(dates, Date))
IO.inspect(Enum.sort(dates, {:desc, Date}))
IO.inspect(Enum.sort(dates, {:asc, Date}))
IO.inspect(Enum.sort_by(dates, & &1.month))
IO.inspect(Enum.min_by(dates, &Date.to_gregorian_days/1))
IO.inspect(Enum.map(dates, &Date.to_string/1) |> Enum.join(", "))
{:ok, parsed} = Date.from_iso8601("2024-02-29")
IO.inspect(Date.add(parsed, 365))
IO.puts("#{parsed} is day #{Date.day_of_year(parsed)} of #{parsed.year}")
IO.inspect(Enum.map(0..6, fn i -> Date.day_of_week(Date.add(~D[2024-01-01], i)) end))
