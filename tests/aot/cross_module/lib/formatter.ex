# Small string helpers used by the other two modules.
defmodule Formatter do
  def quote(s), do: "\"" <> s <> "\""

  def table(rows) do
    width = rows |> Enum.map(fn {w, _} -> String.length(w) end) |> Enum.max()
    Enum.map(rows, fn {w, c} -> String.pad_trailing(w, width) <> " | " <> Integer.to_string(c) end)
  end
end
