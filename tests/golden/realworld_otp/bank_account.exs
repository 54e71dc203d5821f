defmodule BankAccount do
  use GenServer

  # Client API

  def start_link(opts) do
    owner = Keyword.fetch!(opts, :owner)
    balance = Keyword.get(opts, :balance, 0)
    GenServer.start_link(__MODULE__, %{owner: owner, balance: balance, history: []}, name: __MODULE__)
  end

  def deposit(amount) when is_integer(amount) and amount > 0 do
    GenServer.call(__MODULE__, {:deposit, amount})
  end

  def deposit(_amount), do: {:error, :invalid_amount}

  def withdraw(amount), do: GenServer.call(__MODULE__, {:withdraw, amount})
  def balance, do: GenServer.call(__MODULE__, :balance)
  def history, do: GenServer.call(__MODULE__, :history)
  def stop, do: GenServer.stop(__MODULE__)

  # Server callbacks

  @impl true
  def init(state) do
    IO.puts("Opening account for #{state.owner} with $#{state.balance}")
    {:ok, state}
  end

  @impl true
  def handle_call({:deposit, amount}, _from, state) do
    new_state = %{state | balance: state.balance + amount, history: [{:deposit, amount} | state.history]}
    {:reply, {:ok, new_state.balance}, new_state}
  end

  def handle_call({:withdraw, amount}, _from, %{balance: balance} = state) when amount > balance do
    {:reply, {:error, {:insufficient_funds, balance}}, state}
  end

  def handle_call({:withdraw, amount}, _from, state) do
    new_state = %{state | balance: state.balance - amount, history: [{:withdraw, amount} | state.history]}
    {:reply, {:ok, new_state.balance}, new_state}
  end

  def handle_call(:balance, _from, state), do: {:reply, state.balance, state}
  def handle_call(:history, _from, state), do: {:reply, Enum.reverse(state.history), state}

  @impl true
  def terminate(reason, state) do
    IO.puts("Closing account of #{state.owner} (#{inspect(reason)}), final balance #{state.balance}")
  end
end

{:ok, _pid} = BankAccount.start_link(owner: "Alice", balance: 100)

IO.inspect(BankAccount.deposit(50), label: "deposit 50")
IO.inspect(BankAccount.deposit(-5), label: "deposit -5")
IO.inspect(BankAccount.withdraw(30), label: "withdraw 30")
IO.inspect(BankAccount.withdraw(500), label: "withdraw 500")
IO.inspect(BankAccount.balance(), label: "balance")

for amount <- [10, 20, 30] do
  {:ok, bal} = BankAccount.deposit(amount)
  IO.puts("after depositing #{amount}: #{bal}")
end

BankAccount.history()
|> Enum.with_index(1)
|> Enum.each(fn {{kind, amt}, i} ->
  IO.puts("#{i}. #{kind |> Atom.to_string() |> String.upcase()} #{amt}")
end)

totals =
  BankAccount.history()
  |> Enum.group_by(fn {kind, _} -> kind end, fn {_, amt} -> amt end)
  |> Map.new(fn {k, v} -> {k, Enum.sum(v)} end)

IO.inspect(totals, label: "totals")
:ok = BankAccount.stop()
IO.inspect(Process.whereis(BankAccount), label: "after stop")
