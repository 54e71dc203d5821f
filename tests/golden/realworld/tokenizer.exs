# A tiny arithmetic tokenizer and recursive-descent evaluator
defmodule Lexer do
  def tokens(s), do: s |> String.graphemes() |> lex([])
  defp lex([], acc), do: Enum.reverse(acc)
  defp lex([" " | rest], acc), do: lex(rest, acc)
  defp lex([c | rest], acc) when c in ["+", "-", "*", "/", "(", ")"], do: lex(rest, [String.to_atom(c) | acc])
  defp lex([c | _] = cs, acc) do
    {digits, rest} = Enum.split_while(cs, &(&1 in ~w(0 1 2 3 4 5 6 7 8 9)))
    if digits == [], do: raise(ArgumentError, "unexpected #{c}")
    lex(rest, [String.to_integer(Enum.join(digits)) | acc])
  end
end

defmodule Parser do
  def eval(tokens) do
    {v, []} = expr(tokens)
    v
  end
  defp expr(ts) do
    {l, rest} = term(ts)
    expr_rest(l, rest)
  end
  defp expr_rest(l, [op | rest]) when op in [:+, :-] do
    {r, rest} = term(rest)
    expr_rest(apply(Kernel, op, [l, r]), rest)
  end
  defp expr_rest(l, rest), do: {l, rest}
  defp term(ts) do
    {l, rest} = factor(ts)
    term_rest(l, rest)
  end
  defp term_rest(l, [:* | rest]) do
    {r, rest} = factor(rest)
    term_rest(l * r, rest)
  end
  defp term_rest(l, [:/ | rest]) do
    {r, rest} = factor(rest)
    term_rest(div(l, r), rest)
  end
  defp term_rest(l, rest), do: {l, rest}
  defp factor([:"(" | rest]) do
    {v, [:")" | rest]} = expr(rest)
    {v, rest}
  end
  defp factor([:- | rest]) do
    {v, rest} = factor(rest)
    {-v, rest}
  end
  defp factor([n | rest]) when is_integer(n), do: {n, rest}
end

for src <- ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 2", "-(4 - 10) * 2", "2 * (3 + (4 - 1)) / 3"] do
  toks = Lexer.tokens(src)
  IO.inspect(toks)
  IO.puts("#{src} = #{Parser.eval(toks)}")
end
try do
  Lexer.tokens("1 + x")
rescue
  e in ArgumentError -> IO.puts("error: #{Exception.message(e)}")
end
IO.inspect([:+, :"(", :")", :"foo bar", :Foo, :"9x", :a?, :b!, :@, :"a-b"])
