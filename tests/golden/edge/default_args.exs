# Default arguments in multiple clauses
defmodule D do
  def greet(name, greeting \\ "Hello")
  def greet(nil, greeting), do: "#{greeting}, stranger"
  def greet(name, greeting), do: "#{greeting}, #{name}"

  def range(a \\ 0, b \\ 10), do: {a, b}

  def mid(a, b \\ 2, c), do: [a, b, c]

  def join(list, sep \\ ", ") when is_list(list), do: Enum.join(list, sep)
end
IO.puts(D.greet(nil))
IO.puts(D.greet("Ann"))
IO.puts(D.greet("Ann", "Hey"))
IO.inspect(D.range())
IO.inspect(D.range(3))
IO.inspect(D.range(3, 4))
IO.inspect(D.mid(1, 3))
IO.inspect(D.mid(1, 5, 3))
IO.puts(D.join([1, 2, 3]))
IO.puts(D.join([1, 2, 3], "-"))
IO.inspect(Function.info(&D.range/2)[:arity])
