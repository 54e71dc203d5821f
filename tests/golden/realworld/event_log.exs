# Summarize a log of events: per-level counts, first/last timestamps, messages
log = """
2023-05-01T10:00:00 INFO server started
2023-05-01T10:00:05 DEBUG config loaded from /etc/app.conf
2023-05-01T10:01:12 WARN disk usage at 85%
2023-05-01T10:02:00 ERROR connection refused: db
2023-05-01T10:02:01 INFO retrying
2023-05-01T10:02:03 ERROR connection refused: db
2023-05-01T10:03:00 INFO connected
"""
entries =
  log
  |> String.split("\n", trim: true)
  |> Enum.map(fn line ->
    [ts, level | msg] = String.split(line, " ")
    [date, time] = String.split(ts, "T")
    %{date: date, time: time, level: String.to_atom(String.downcase(level)), msg: Enum.join(msg, " ")}
  end)
IO.inspect(Enum.count(entries))
entries |> Enum.frequencies_by(& &1.level) |> Enum.sort() |> IO.inspect()
errors = for %{level: :error} = e <- entries, do: "#{e.time} #{e.msg}"
IO.inspect(errors)
IO.inspect(entries |> Enum.map(& &1.msg) |> Enum.uniq() |> length())
[h, m, s] = entries |> List.last() |> Map.get(:time) |> String.split(":") |> Enum.map(&String.to_integer/1)
IO.puts("last at #{h * 3600 + m * 60 + s}s")
IO.inspect(hd(entries))
IO.inspect(Enum.count(entries, &(&1.level in [:warn, :error])))
