# Nested modules and calling conventions
defmodule Outer do
  def hi, do: "outer"
  defmodule Inner do
    def hi, do: "inner"
    def call_outer, do: Outer.hi()
  end
  def call_inner, do: Outer.Inner.hi()
  defp private, do: :secret
  def expose, do: private()
end
IO.puts(Outer.hi())
IO.puts(Outer.Inner.hi())
IO.puts(Outer.Inner.call_outer())
IO.puts(Outer.call_inner())
IO.inspect(Outer.expose())
IO.inspect(Outer.Inner)
IO.inspect(function_exported?(Outer, :hi, 0))
IO.inspect(Outer.__info__(:functions))
Outer.private()
