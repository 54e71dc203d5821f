# defstruct defaults, update syntax, pattern matching and the __struct__ key.
defmodule Account do
  defstruct owner: nil, balance: 0
end
defmodule Bank do
  def deposit(%Account{balance: b} = acc, amount), do: %Account{acc | balance: b + amount}
  def describe(%Account{owner: o, balance: b}), do: "#{o}: #{b}"
  def run do
    a = %Account{owner: "ann"}
    IO.inspect(a)
    a = deposit(a, 50)
    IO.puts(describe(a))
    IO.inspect(a.balance)
    IO.inspect(a.__struct__)
    b = %{a | owner: "bob"}
    IO.inspect(b)
    IO.inspect(is_map(b))
    IO.inspect(Map.get(b, :owner))
    %Account{owner: owner} = b
    IO.puts(owner)
    IO.inspect(match?(%Account{}, %{owner: 1, balance: 2}))
    IO.inspect(match?(%{owner: _}, b))
    IO.inspect(Map.keys(b))
    IO.inspect(b == %Account{owner: "bob", balance: 50})
  end
end
Bank.run()
