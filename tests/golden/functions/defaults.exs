# Default arguments with \\, including a function head for multiple clauses.
defmodule D do
  def greet(name, greeting \\ "Hello"), do: "#{greeting}, #{name}!"
  def range(from \\ 0, to \\ 10, step \\ 1), do: {from, to, step}

  def join(list, sep \\ ",")
  def join([], _sep), do: ""
  def join([h], _sep), do: h
  def join([h | t], sep), do: h <> sep <> join(t, sep)
end
IO.puts(D.greet("ann"))
IO.puts(D.greet("bob", "Hi"))
IO.inspect(D.range())
IO.inspect(D.range(5))
IO.inspect(D.range(5, 6))
IO.inspect(D.range(5, 6, 7))
IO.puts(D.join(["a", "b", "c"]))
IO.puts(D.join(["a", "b", "c"], " | "))
IO.inspect(D.join([]))
