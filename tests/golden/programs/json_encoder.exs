# A recursive JSON-like encoder for maps, lists, strings, numbers, booleans and nil.
defmodule JSON do
  def encode(nil), do: "null"
  def encode(true), do: "true"
  def encode(false), do: "false"
  def encode(n) when is_integer(n) or is_float(n), do: to_string(n)
  def encode(a) when is_atom(a), do: encode(to_string(a))
  def encode(s) when is_binary(s), do: "\"" <> escape(s) <> "\""
  def encode(l) when is_list(l), do: "[" <> Enum.map_join(l, ",", &encode/1) <> "]"
  def encode(m) when is_map(m) do
    body =
      m
      |> Enum.sort_by(fn {k, _} -> to_string(k) end)
      |> Enum.map_join(",", fn {k, v} -> encode(to_string(k)) <> ":" <> encode(v) end)
    "{" <> body <> "}"
  end

  defp escape(s) do
    s
    |> String.replace("\\", "\\\\")
    |> String.replace("\"", "\\\"")
    |> String.replace("\n", "\\n")
  end

  def pretty(v, indent \\ 0)
  def pretty(m, indent) when is_map(m) and map_size(m) > 0 do
    pad = String.duplicate("  ", indent + 1)
    inner =
      m
      |> Enum.sort_by(fn {k, _} -> to_string(k) end)
      |> Enum.map_join(",\n", fn {k, v} -> pad <> encode(to_string(k)) <> ": " <> pretty(v, indent + 1) end)
    "{\n" <> inner <> "\n" <> String.duplicate("  ", indent) <> "}"
  end
  def pretty(v, _indent), do: encode(v)
end
doc = %{
  name: "Ember \"VM\"",
  version: 1.5,
  tags: ["c", "elixir", :bytecode],
  stable: false,
  owner: nil,
  stats: %{files: 42, lines: 12_000, ratio: 0.25},
  notes: "line1\nline2"
}
IO.puts(JSON.encode(doc))
IO.puts(JSON.pretty(doc))
IO.puts(JSON.encode([]))
IO.puts(JSON.encode(%{}))
IO.puts(JSON.encode([[1, [2, [3]]], %{"k" => [true]}]))
