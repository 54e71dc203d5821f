# Structs without an Inspect implementation print as %Module{...}.
# (A struct cannot be expanded at the top level of the file that defines it, hence Main.)
defmodule Point do
  defstruct x: 0, y: 0
end

defmodule User do
  defstruct [:name, age: 0, tags: []]
end

defmodule Main do
  def run do
    IO.inspect(%Point{})
    IO.inspect(%Point{x: 3, y: -4})
    IO.inspect(%User{name: "ann"})
    IO.inspect([%Point{x: 1}, %Point{y: 2}])
    IO.inspect(%{p: %Point{}})
    IO.puts(inspect(%User{name: "bob", tags: [:a]}))
  end
end

Main.run()
