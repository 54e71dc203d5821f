# A ledger of transactions processed with structs and reduce
defmodule Txn do
  defstruct [:id, :type, :amount, memo: ""]
end

defmodule Ledger do
  def apply_txn(%Txn{type: :deposit, amount: a}, bal), do: {:ok, bal + a}
  def apply_txn(%Txn{type: :withdraw, amount: a}, bal) when a <= bal, do: {:ok, bal - a}
  def apply_txn(%Txn{type: :withdraw, id: id}, _bal), do: {:error, "txn #{id}: insufficient funds"}
  def apply_txn(%Txn{type: t, id: id}, _), do: {:error, "txn #{id}: unknown type #{inspect(t)}"}

  def run(txns) do
    Enum.reduce(txns, {0, []}, fn t, {bal, errs} ->
      case apply_txn(t, bal) do
        {:ok, nb} -> {nb, errs}
        {:error, msg} -> {bal, [msg | errs]}
      end
    end)
  end

  def main do
    txns = [
      %Txn{id: 1, type: :deposit, amount: 100},
      %Txn{id: 2, type: :withdraw, amount: 30, memo: "groceries"},
      %Txn{id: 3, type: :withdraw, amount: 500},
      %Txn{id: 4, type: :refund, amount: 10},
      %Txn{id: 5, type: :deposit, amount: 45}
    ]
    {bal, errs} = run(txns)
    IO.puts("Balance: #{bal}")
    Enum.each(Enum.reverse(errs), &IO.puts/1)
    IO.inspect(Enum.at(txns, 1))
    IO.inspect(Enum.filter(txns, &(&1.memo != "")), label: "with memo")
    deposits = for %Txn{type: :deposit, amount: a} <- txns, do: a
    IO.inspect(deposits)
  end
end
Ledger.main()
