# Code.eval_quoted/1,2,3: quoted forms compiled and run, with Elixir's hygiene.
IO.inspect(Code.eval_quoted(quote(do: 1 + 2)))
IO.inspect(Code.eval_quoted(quote(do: (x = 1; x + 1))))
IO.inspect(Code.eval_quoted(quote(do: var!(x) + 1), x: 41))
IO.inspect(Code.eval_quoted(Code.string_to_quoted!("x + 1"), x: 41))
IO.inspect(Code.eval_quoted({:{}, [], [1, 2, 3]}))
IO.inspect(Code.eval_quoted(quote(do: String.upcase("a"))))
IO.inspect(Code.eval_quoted(quote(do: [a: 1] |> Keyword.get(:a))))
IO.inspect(Code.eval_quoted(quote(do: Enum.map([1, 2, 3], fn x -> x * 2 end))))
IO.inspect(Code.eval_quoted(quote(do: for(x <- [1, 2], y <- [:a], do: {x, y}))))
IO.inspect(Code.eval_quoted(quote(do: case {1, 2} do {a, b} when a < b -> :lt; _ -> :other end)))
IO.inspect(Code.eval_quoted(quote(do: %{a: 1}.a)))
IO.inspect(Code.eval_quoted(quote(do: "n=#{1 + 1}")))
IO.inspect(Code.eval_quoted(quote(do: <<1, 2>> <> "x")))
IO.inspect(Code.eval_quoted(quote(do: 123456789012345678901234567890 * -2)))
IO.inspect(Code.eval_quoted(quote(do: -2.5 * 2)))
IO.inspect(Code.eval_quoted(quote(do: [1, 2 | [3]])))
IO.inspect(Code.eval_quoted(Macro.escape(%{a: {1, 2, 3}, b: [x: "y"]})))
IO.inspect(Code.eval_quoted(quote(do: var!(a) + var!(b)), a: 1, b: 2))
IO.inspect(Code.eval_quoted(quote(do: (y = var!(a) * 2; {y, var!(a)})), a: 5))
n = 7
IO.inspect(Code.eval_quoted(quote(do: unquote(n) * unquote(n))))
IO.inspect(Code.eval_quoted(quote(do: try do raise "boom" rescue e in RuntimeError -> e.message end)))

for s <- ["1 + 2 * 3", "Enum.sum([1, 2, 3])", "fn x -> x + 1 end.(1)", "[a: 1][:a]",
          "if true do :yes else :no end", "'abc' ++ 'd'", "{:ok, %{k: [1]}}"] do
  {:ok, ast} = Code.string_to_quoted(s)
  {value, []} = Code.eval_quoted(ast)
  {value2, []} = Code.eval_string(s)
  IO.inspect({s, value, value == value2})
end

for bad <- [quote(do: x + 1), %{a: 1}, {1, 2, 3}, [1, {:ok, %{}}]] do
  try do
    Code.eval_quoted(bad, x: 41)
  rescue
    e -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end

# Hygienic variables in bindings, both ways.
IO.inspect(Code.eval_quoted(quote(do: x + 1), [{{:x, Elixir}, 41}]))
{_, b} = Code.eval_quoted(quote(do: (y = 2; var!(z) = 3)))
IO.inspect(b)
IO.inspect(Code.eval_quoted(quote(do: y * 10), b))
IO.inspect(Code.eval_string("z + 1", b))
