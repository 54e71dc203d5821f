# Modules can call functions of modules defined later in the file at run time.
defmodule First do
  def run, do: "first calls " <> Second.name()
end
defmodule Second do
  def name, do: "second"
end
IO.puts(First.run())
IO.puts("top-level code runs in order")
defmodule Third do
  IO.puts("module body runs at definition time")
  def x, do: 3
end
IO.inspect(Third.x())
