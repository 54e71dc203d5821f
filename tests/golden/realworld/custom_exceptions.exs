# try/rescue with custom exceptions via defexception
defmodule InsufficientFunds do
  defexception [:balance, :amount]
  @impl true
  def message(%{balance: b, amount: a}), do: "cannot withdraw #{a}, balance is #{b}"
end

defmodule ValidationError do
  defexception message: "validation failed", field: nil
end

defmodule Account do
  def withdraw(balance, amount) when amount > balance,
    do: raise(InsufficientFunds, balance: balance, amount: amount)
  def withdraw(_balance, amount) when amount <= 0,
    do: raise(ValidationError, field: :amount)
  def withdraw(balance, amount), do: balance - amount
end

defmodule Main do
  def run do
    try do
      Account.withdraw(100, 500)
    rescue
      e in InsufficientFunds -> IO.puts("Error: " <> Exception.message(e))
    end

    try do
      Account.withdraw(100, -1)
    rescue
      e in ValidationError -> IO.puts("#{e.message} (field #{inspect(e.field)})")
    end

    IO.inspect(Account.withdraw(100, 30))

    r =
      try do
        raise ValidationError, message: "custom msg"
      rescue
        e -> {:caught, e.message, e.__struct__}
      end
    IO.inspect(r)

    try do
      raise "plain runtime"
    rescue
      e in RuntimeError -> IO.inspect(e)
    end

    try do
      1 / 0
    rescue
      e in ArithmeticError -> IO.puts("arith: " <> Exception.message(e))
    end

    try do
      Map.fetch!(%{a: 1}, :b)
    rescue
      e in KeyError -> IO.puts(Exception.message(e))
    end

    try do
      String.to_integer("12a")
    rescue
      e in ArgumentError -> IO.puts("arg error: " <> e.message)
    end

    result =
      try do
        throw(:early)
      catch
        :throw, v -> {:thrown, v}
      after
        IO.puts("after runs")
      end
    IO.inspect(result)
    IO.inspect(%InsufficientFunds{balance: 1, amount: 2})
    e = InsufficientFunds.exception(balance: 5, amount: 9)
    IO.puts(Exception.message(e))
    raise InsufficientFunds, balance: 0, amount: 1
  end
end
Main.run()
