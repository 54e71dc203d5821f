# Handlers whose module names are built at run time by the script.
defmodule Handlers.Json do
  def render(data), do: "{" <> Enum.map_join(data, ",", fn {k, v} -> "\"#{k}\":#{inspect(v)}" end) <> "}"
  def mime, do: "application/json"
end

defmodule Handlers.Csv do
  def render(data), do: Enum.map_join(data, ",", fn {k, _} -> "#{k}" end) <> "\n" <> Enum.map_join(data, ",", fn {_, v} -> "#{v}" end)
  def mime, do: "text/csv"
end

defmodule Handlers.Text do
  def render(data), do: Enum.map_join(data, "; ", fn {k, v} -> "#{k}=#{v}" end)
  def mime, do: "text/plain"
end
