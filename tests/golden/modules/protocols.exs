# defprotocol/defimpl: dispatch on structs and built-in types, for: lists of types, defimpl
# inside the struct's module, @fallback_to_any with an Any implementation, impl_for/1 and
# Protocol.UndefinedError.
defprotocol Area do
  @doc "area"
  def area(shape)
  def scale(shape, k)
end

defmodule Square do
  defstruct [:side]

  defimpl Area do
    def area(%{side: s}), do: s * s
    def scale(sq, k), do: %{sq | side: sq.side * k}
  end
end

defmodule Circle do
  defstruct [:r]
end

defimpl Area, for: Circle do
  def area(%{r: r}), do: 3 * r * r
  def scale(c, k), do: %Circle{r: c.r * k}
end

defimpl Area, for: [Integer, Float] do
  def area(n), do: n * n
  def scale(n, k), do: n * k
end

defprotocol Describe do
  @fallback_to_any true
  def describe(x)
end

defimpl Describe, for: Any do
  def describe(_), do: "something"
end

defimpl Describe, for: List do
  def describe(l), do: "a list of #{length(l)}"
end

defmodule Main do
  def run do
    IO.inspect(Area.area(%Square{side: 3}))
    IO.inspect(Area.area(%Circle{r: 2}))
    IO.inspect(Area.area(4))
    IO.inspect(Area.area(1.5))
    IO.inspect(Area.scale(%Square{side: 2}, 3))
    IO.inspect(Enum.map([%Square{side: 1}, %Circle{r: 1}, 2], &Area.area/1))
    IO.inspect(Describe.describe([1, 2]))
    IO.inspect(Describe.describe(:atom))
    IO.inspect(Area.impl_for(3))
    IO.inspect(Area.impl_for("x"))

    try do
      Area.area("nope")
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
