# A small tokenizer in the style of real Elixir parsers: binary matching with guards,
# accumulating tokens, sizes taken from a length-prefixed frame.
defmodule Lexer do
  def tokens(text), do: tokens(text, [])
  defp tokens(<<>>, acc), do: Enum.reverse(acc)
  defp tokens(<<c, rest::binary>>, acc) when c in [?\s, ?\n, ?\t], do: tokens(rest, acc)
  defp tokens(<<c, _::binary>> = text, acc) when c in ?0..?9 do
    {n, rest} = number(text, 0)
    tokens(rest, [{:int, n} | acc])
  end
  defp tokens(<<c, _::binary>> = text, acc) when c in ?a..?z do
    {name, rest} = word(text, "")
    tokens(rest, [{:name, name} | acc])
  end
  defp tokens(<<"==", rest::binary>>, acc), do: tokens(rest, [:eq | acc])
  defp tokens(<<c::utf8, rest::binary>>, acc), do: tokens(rest, [{:op, <<c::utf8>>} | acc])

  defp number(<<c, rest::binary>>, n) when c in ?0..?9, do: number(rest, n * 10 + c - ?0)
  defp number(rest, n), do: {n, rest}
  defp word(<<c, rest::binary>>, acc) when c in ?a..?z or c == ?_, do: word(rest, <<acc::binary, c>>)
  defp word(rest, acc), do: {acc, rest}
end

IO.inspect(Lexer.tokens("let x_1 = 42 + y == 7 → z"))

defmodule Frames do
  def decode(<<len::16, payload::binary-size(len), rest::binary>>, acc),
    do: decode(rest, [payload | acc])
  def decode(<<>>, acc), do: {:ok, Enum.reverse(acc)}
  def decode(partial, acc), do: {:partial, Enum.reverse(acc), partial}
  def encode(items), do: for(i <- items, into: "", do: <<byte_size(i)::16, i::binary>>)
end

wire = Frames.encode(["hello", "", "world!"])
IO.inspect(wire)
IO.inspect(Frames.decode(wire, []))
IO.inspect(Frames.decode(wire <> <<0, 9, "abc">>, []))
