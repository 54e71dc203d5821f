# Code.compile_string/1,2 defines modules at run time; the script then calls them, and the
# modules call each other and the stdlib.
result =
  Code.compile_string("""
  defmodule Dyn.Shape do
    defstruct kind: :square, size: 1

    def area(%Dyn.Shape{kind: :square, size: s}), do: s * s
    def area(%Dyn.Shape{kind: :rect, size: {w, h}}), do: w * h
  end

  defmodule Dyn.Report do
    @unit "cm2"
    def line(shape), do: "\#{shape.kind}: \#{Dyn.Shape.area(shape)} \#{@unit}"
    def lines(shapes), do: Enum.map(shapes, &line/1)
  end
  """)

IO.inspect(Enum.map(result, fn {mod, bin} -> {mod, is_binary(bin)} end), label: "compiled")
IO.inspect(Dyn.Shape.area(struct(Dyn.Shape, size: 4)), label: "area")
IO.inspect(Dyn.Report.lines([struct(Dyn.Shape, size: 3), struct(Dyn.Shape, kind: :rect, size: {2, 5})]))
IO.inspect(struct(Dyn.Shape), label: "default struct")
IO.inspect(function_exported?(Dyn.Report, :line, 1), label: "exported")
IO.inspect(Code.ensure_loaded?(Dyn.Report), label: "loaded?")

[{mod, _}] = Code.compile_string("defmodule Dyn.Named do\n  def where, do: :named\nend\n", "named.ex")
IO.inspect(mod, label: "compile_string/2")
IO.inspect(Dyn.Named.where())

IO.inspect(Code.compile_string("1 + 1"), label: "no modules")

name = "Generated#{3 * 7}"
Code.compile_string("defmodule #{name} do\n  def id, do: #{inspect(name)}\nend\n")
mod = String.to_atom("Elixir." <> name)
IO.inspect(apply(mod, :id, []), label: "generated")

defmodule UsesDyn do
  def run, do: Dyn.Report.line(struct(Dyn.Shape, size: 10))
end
IO.puts(UsesDyn.run())
