# Structs with defaults, update syntax, and pattern matching
defmodule User do
  defstruct name: "", age: 0, email: nil, roles: []
end

defmodule Users do
  def new(name, age), do: %User{name: name, age: age}
  def promote(%User{roles: roles} = u), do: %User{u | roles: [:admin | roles]}
  def birthday(%User{age: a} = u), do: %{u | age: a + 1}
  def adult?(%User{age: a}) when a >= 18, do: true
  def adult?(%User{}), do: false
  def describe(%User{name: n, email: nil}), do: "#{n} (no email)"
  def describe(%User{name: n, email: e}), do: "#{n} <#{e}>"

  def run do
    u = new("Ann", 17)
    IO.inspect(u)
    u2 = u |> birthday() |> promote()
    IO.inspect(u2)
    IO.inspect(adult?(u))
    IO.inspect(adult?(u2))
    IO.puts(describe(u2))
    IO.puts(describe(%{u2 | email: "ann@example.com"}))
    IO.inspect(Map.from_struct(u2))
    IO.inspect(u2.__struct__)
    IO.inspect(is_map(u2))
    users = [new("Zed", 40), new("Bob", 25), new("Amy", 31)]
    IO.inspect(Enum.sort_by(users, & &1.age) |> Enum.map(& &1.name))
    IO.inspect(users, label: "users")
    %User{name: name} = hd(users)
    IO.puts(name)
    IO.inspect(struct(User, name: "X", age: 5))
  end
end
Users.run()
