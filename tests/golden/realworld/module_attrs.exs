# Module attributes as constants and accumulated lookup tables
defmodule Config do
  @version "1.2.3"
  @max_retries 3
  @colors [:red, :green, :blue]
  @table %{red: "#ff0000", green: "#00ff00", blue: "#0000ff"}
  @doc "Returns the version"
  def version, do: @version
  def retries, do: @max_retries
  def colors, do: @colors
  def hex(c) when c in @colors, do: Map.fetch!(@table, c)
  def hex(_), do: nil
  @prefix "cfg"
  def key(name), do: "#{@prefix}_#{name}"
  @prefix "other"
  def key2(name), do: "#{@prefix}_#{name}"
  @limits {1, 100}
  def clamp(x) do
    {lo, hi} = @limits
    x |> max(lo) |> min(hi)
  end
end

IO.puts(Config.version())
IO.inspect(Config.retries())
IO.inspect(Config.colors())
IO.inspect(Enum.map(Config.colors() ++ [:pink], &Config.hex/1))
IO.puts(Config.key("db"))
IO.puts(Config.key2("db"))
IO.inspect(Enum.map([-5, 50, 500], &Config.clamp/1))
