# Truthiness: only nil and false are falsy, in every conditional form.
values = [nil, false, true, 0, "", [], {}, %{}, :ok]
for v <- values do
  a = if v, do: "T", else: "F"
  b = unless v, do: "F", else: "T"
  c = cond do
    v -> "T"
    true -> "F"
  end
  d = (v && "T") || "F"
  e = if !v, do: "F", else: "T"
  IO.puts("#{inspect(v)}: #{a}#{b}#{c}#{d}#{e}")
end
