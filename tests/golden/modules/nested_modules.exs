# Nested modules get the full dotted name.
defmodule Outer do
  def hello, do: "outer"
  defmodule Inner do
    def hello, do: "inner"
    defmodule Deepest do
      def hello, do: "deepest"
    end
  end
  def call_inner, do: Outer.Inner.hello()
end
defmodule Outer.Sibling do
  def hello, do: "sibling"
end
IO.puts(Outer.hello())
IO.puts(Outer.Inner.hello())
IO.puts(Outer.Inner.Deepest.hello())
IO.puts(Outer.call_inner())
IO.puts(Outer.Sibling.hello())
IO.inspect(Outer.Inner)
IO.puts(Outer.Inner)
