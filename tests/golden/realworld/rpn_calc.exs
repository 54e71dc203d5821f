# Reverse Polish notation calculator with error handling
defmodule RPN do
  def eval(expr) do
    expr
    |> String.split()
    |> Enum.reduce_while([], fn tok, stack ->
      case step(tok, stack) do
        {:ok, s} -> {:cont, s}
        {:error, _} = e -> {:halt, e}
      end
    end)
    |> finish()
  end

  defp finish({:error, _} = e), do: e
  defp finish([x]), do: {:ok, x}
  defp finish(stack), do: {:error, {:bad_stack, stack}}

  defp step(op, [b, a | rest]) when op in ["+", "-", "*", "/"] do
    case {op, b} do
      {"/", 0} -> {:error, :div_by_zero}
      {"+", _} -> {:ok, [a + b | rest]}
      {"-", _} -> {:ok, [a - b | rest]}
      {"*", _} -> {:ok, [a * b | rest]}
      {"/", _} -> {:ok, [div(a, b) | rest]}
    end
  end
  defp step(op, _) when op in ["+", "-", "*", "/"], do: {:error, :underflow}
  defp step(tok, stack) do
    case Integer.parse(tok) do
      {n, ""} -> {:ok, [n | stack]}
      _ -> {:error, {:bad_token, tok}}
    end
  end
end

for e <- ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4", "1 +", "4 0 /", "2 x +", "-7 2 /", "100 7 * 3 -"] do
  IO.puts(String.pad_trailing(e, 20) <> " => " <> inspect(RPN.eval(e)))
end
