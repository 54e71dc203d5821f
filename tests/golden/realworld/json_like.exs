# A small JSON-like encoder with escaping and pretty printing
defmodule Enc do
  def encode(nil), do: "null"
  def encode(true), do: "true"
  def encode(false), do: "false"
  def encode(n) when is_number(n), do: to_string(n)
  def encode(a) when is_atom(a), do: encode(Atom.to_string(a))
  def encode(s) when is_binary(s), do: "\"" <> escape(s) <> "\""
  def encode(l) when is_list(l), do: "[" <> Enum.map_join(l, ",", &encode/1) <> "]"
  def encode(m) when is_map(m) do
    body = m |> Enum.sort() |> Enum.map_join(",", fn {k, v} -> encode(to_string(k)) <> ":" <> encode(v) end)
    "{" <> body <> "}"
  end
  defp escape(s) do
    s
    |> String.graphemes()
    |> Enum.map_join(fn
      "\"" -> "\\\""
      "\\" -> "\\\\"
      "\n" -> "\\n"
      c -> c
    end)
  end
  def pretty(v, ind \\ 0)
  def pretty(m, ind) when is_map(m) and map_size(m) > 0 do
    pad = String.duplicate("  ", ind + 1)
    inner = m |> Enum.sort() |> Enum.map_join(",\n", fn {k, v} -> pad <> encode(to_string(k)) <> ": " <> pretty(v, ind + 1) end)
    "{\n" <> inner <> "\n" <> String.duplicate("  ", ind) <> "}"
  end
  def pretty(v, _), do: encode(v)
end
doc = %{name: "Ember \"VM\"", version: 1.5, tags: [:c, "vm", nil], nested: %{ok: true, lines: "a\nb", n: -3}, empty: %{}}
IO.puts(Enc.encode(doc))
IO.puts(Enc.pretty(doc))
IO.puts(Enc.encode([1, 2.0, 3.25e-5, 1.0e21]))
IO.inspect(Enc.encode("back\\slash"))
