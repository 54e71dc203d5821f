# A bank with structs: deposits, withdrawals with error tuples, and a transaction log.
defmodule Account do
  defstruct id: nil, owner: "", balance: 0, history: []
end
defmodule Bank do
  def open(id, owner), do: %Account{id: id, owner: owner}

  def deposit(%Account{} = acc, amount) when amount > 0 do
    {:ok, %{acc | balance: acc.balance + amount, history: [{:deposit, amount} | acc.history]}}
  end
  def deposit(_acc, amount), do: {:error, "invalid amount #{amount}"}

  def withdraw(%Account{balance: b} = acc, amount) when amount <= b do
    {:ok, %{acc | balance: b - amount, history: [{:withdraw, amount} | acc.history]}}
  end
  def withdraw(%Account{balance: b}, amount), do: {:error, "insufficient funds: #{b} < #{amount}"}

  def transfer(from, to, amount) do
    with {:ok, from2} <- withdraw(from, amount),
         {:ok, to2} <- deposit(to, amount) do
      {:ok, from2, to2}
    end
  end

  def statement(%Account{owner: o, balance: b, history: h}) do
    lines = h |> Enum.reverse() |> Enum.map(fn {k, a} -> "  #{k} #{a}" end)
    Enum.join(["#{o}: #{b}" | lines], "\n")
  end

  def run do
    a = open(1, "alice")
    b = open(2, "bob")
    {:ok, a} = deposit(a, 100)
    {:ok, b} = deposit(b, 20)
    IO.inspect(deposit(a, -5))
    IO.inspect(withdraw(b, 50))
    {:ok, a, b} = transfer(a, b, 30)
    IO.inspect(transfer(b, a, 1000))
    IO.puts(statement(a))
    IO.puts(statement(b))
    IO.inspect(a)
    total = Enum.reduce([a, b], 0, fn acc, sum -> sum + acc.balance end)
    IO.puts("total #{total}")
  end
end
Bank.run()
