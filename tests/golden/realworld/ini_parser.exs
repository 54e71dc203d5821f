# Parse an INI-style config file into nested maps
defmodule Ini do
  def parse(text) do
    text
    |> String.split("\n")
    |> Enum.map(&String.trim/1)
    |> Enum.reject(&(&1 == "" or String.starts_with?(&1, ";")))
    |> Enum.reduce({nil, %{}}, &line/2)
    |> elem(1)
  end
  defp line("[" <> rest, {_, acc}) do
    section = String.trim_trailing(rest, "]")
    {section, Map.put_new(acc, section, %{})}
  end
  defp line(kv, {section, acc}) do
    [k, v] = kv |> String.split("=", parts: 2) |> Enum.map(&String.trim/1)
    {section, Map.update(acc, section || "global", %{k => convert(v)}, &Map.put(&1, k, convert(v)))}
  end
  defp convert("true"), do: true
  defp convert("false"), do: false
  defp convert(v) do
    case Integer.parse(v) do
      {n, ""} -> n
      _ -> v
    end
  end
end
cfg = Ini.parse("""
name = demo
; comment line

[database]
host = db.local
port = 5432
ssl = true

[cache]
ttl=300
backend = redis = fast
""")
IO.inspect(cfg)
IO.inspect(cfg["database"]["port"] + 1)
IO.inspect(Map.keys(cfg) |> Enum.sort())
