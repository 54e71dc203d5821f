# Deep-merging configuration maps and flattening to dotted keys
defmodule Cfg do
  def deep_merge(a, b) when is_map(a) and is_map(b) do
    Map.merge(a, b, fn _k, v1, v2 -> deep_merge(v1, v2) end)
  end
  def deep_merge(_a, b), do: b

  def flatten(map, prefix \\ nil) do
    Enum.flat_map(map, fn {k, v} ->
      key = if prefix, do: "#{prefix}.#{k}", else: to_string(k)
      if is_map(v), do: flatten(v, key), else: [{key, v}]
    end)
  end
end
base = %{server: %{host: "0.0.0.0", port: 4000, tls: %{enabled: false}}, log: :info, features: [:a]}
over = %{server: %{port: 443, tls: %{enabled: true, cert: "x.pem"}}, features: [:b]}
merged = Cfg.deep_merge(base, over)
IO.inspect(merged)
merged |> Cfg.flatten() |> Enum.sort() |> Enum.each(fn {k, v} -> IO.puts("#{k}: #{inspect(v)}") end)
IO.inspect(Map.merge(%{a: 1}, %{}))
IO.inspect(Cfg.deep_merge(%{}, %{}))
