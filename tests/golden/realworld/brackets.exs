# Balanced bracket checker using a list as a stack
defmodule Brackets do
  @pairs %{")" => "(", "]" => "[", "}" => "{"}
  @opens Map.values(@pairs)
  def check(s), do: s |> String.graphemes() |> Enum.with_index() |> go([])
  defp go([], []), do: :ok
  defp go([], [{c, i} | _]), do: {:error, "unclosed #{c} at #{i}"}
  defp go([{c, i} | rest], stack) when c in @opens, do: go(rest, [{c, i} | stack])
  defp go([{c, i} | rest], stack) when is_map_key(@pairs, c) do
    case stack do
      [{o, _} | st] when o == :erlang.map_get(c, @pairs) -> go(rest, st)
      _ -> {:error, "unexpected #{c} at #{i}"}
    end
  end
  defp go([_ | rest], stack), do: go(rest, stack)
end
for s <- ["(a[b]{c})", "((", "(]", "", "{[()()]}x)", "no brackets"] do
  IO.puts(String.pad_trailing(inspect(s), 14) <> inspect(Brackets.check(s)))
end
