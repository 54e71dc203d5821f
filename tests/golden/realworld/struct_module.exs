# Structs using __MODULE__, @enforce_keys, custom exception/1 and put_in on structs
defmodule Point do
  @enforce_keys [:x, :y]
  defstruct [:x, :y, label: nil]
  def new(x, y), do: %__MODULE__{x: x, y: y}
  def add(%__MODULE__{x: a, y: b} = p, %__MODULE__{x: c, y: d}), do: %{p | x: a + c, y: b + d}
  def name, do: __MODULE__
end

defmodule ParseError do
  defexception [:line, :reason]
  def exception(opts) do
    %ParseError{line: Keyword.fetch!(opts, :line), reason: Keyword.get(opts, :reason, :unknown)}
  end
  def message(%ParseError{line: l, reason: r}), do: "line #{l}: #{r}"
end

defmodule Shapes do
  def run do
    p = Point.new(1, 2)
    IO.inspect(p)
    IO.inspect(Point.add(p, Point.new(10, 20)))
    IO.inspect(Point.name())
    IO.inspect(put_in(p.label, "origin-ish"))
    IO.inspect(update_in(p.x, &(&1 * 100)))
    IO.inspect(get_in(%{pts: [p]}, [:pts]))
    e = ParseError.exception(line: 3)
    IO.inspect(e.reason)
    try do
      raise ParseError, line: 7, reason: :bad_token
    rescue
      err in ParseError -> IO.puts("rescued: " <> Exception.message(err))
    end
    try do
      struct!(Point, x: 1)
    rescue
      err -> IO.puts(Exception.message(err))
    end
    raise ParseError, line: 99
  end
end
Shapes.run()
