# Macro.to_string/1 on the common shapes: operators and parentheses, calls, data, fn, do/end blocks.
samples1 = [
  quote(do: 1 + 2 * 3), quote(do: (1 + 2) * 3), quote(do: a - -1), quote(do: a - (b - c)), quote(do: (a - b) - c),
  quote(do: !x), quote(do: not x), quote(do: ^a = b), quote(do: -x), quote(do: -(a + b)), quote(do: a ++ b ++ c), quote(do: (a ++ b) ++ c),
  quote(do: foo(1, 2)), quote(do: foo()), quote(do: foo), quote(do: Foo.bar(1)), quote(do: foo.bar), quote(do: foo.bar()),
  quote(do: :erlang.+(1, 2)), quote(do: x.(1)), quote(do: &Foo.bar/2), quote(do: &(&1 + 1)), quote(do: &foo/1),
  quote(do: [a: 1, b: 2]), quote(do: [1 | t]), quote(do: %{"b" => 2, a: 1}), quote(do: %User{name: "x"}),
  quote(do: <<1, 2::8>>), quote(do: {1, 2, 3}), quote(do: {1, 2}), quote(do: 'chars'), quote(do: :"with space"),
  quote(do: 1..10//2), quote(do: x |> f() |> g(1)), quote(do: fn x -> x * 2 end), quote(do: f(a, b: 1)),
  quote(do: if(a, do: b, else: c)), quote(do: def(f(x), do: x)), quote(do: (x = 1; y = 2)), quote(do: quote(do: x)),
  quote(do: case x do 1 -> :a; _ -> :b end), quote(do: "a#{x}b"), quote(do: @foo), quote(do: a and b or c),
  quote(do: a == b and c != d), quote(do: a in [1, 2]), quote(do: x when is_integer(x)), quote(do: %{m | a: 1}),
  {:+, [], [1, {:x, [counter: 5], Elixir}]}, quote(do: foo(fn x -> x end)), quote(do: [1, [2, 3]]), quote(do: nil),
  quote(do: 1.5), quote(do: "str\n"), quote(do: Foo.Bar), quote(do: raise "x"), quote(do: a.b.c), quote(do: f(-1)),
  quote(do: x = y = 1), quote(do: a + b == c), quote(do: {:ok, [x | _]} = f()), quote(do: fn a, b -> a + b end),
  quote(do: fn -> :ok end), quote(do: __MODULE__), quote(do: x[1]), quote(do: true && false || nil)
]
samples2 = [
  quote(do: fn
    {:ok, x} -> x
    _ -> nil
  end),
  quote do
    case f() do
      {:ok, v} ->
        a = v + 1
        a * 2
      :error -> nil
    end
  end,
  quote(do: try do f() rescue e in ArgumentError -> e after :ok end),
  quote(do: for(x <- [1, 2], x > 1, do: x * 2)),
  quote(do: cond do a -> 1; true -> 2 end),
  quote(do: receive do {:m, x} -> x after 10 -> :timeout end),
  quote(do: %{"k" => %{a: [1]}}),
  quote(do: &Enum.map(&1, fn x -> x end)),
  quote(do: unless(a, do: b)),
  quote(do: "say \"hi\""),
  quote(do: <<x::binary-size(4), rest::binary>>),
  quote(do: :foo.bar()),
  quote(do: Foo.Bar.baz),
  quote(do: (def f(x) when x > 0 do x end)),
  quote(do: defmodule M do def f, do: 1 end),
  quote(do: a.b()),
  quote(do: f(g(h(1)))),
  quote(do: %{a: 1, b: 2}),
  quote(do: [{:a, 1}, {"b", 2}]),
  quote(do: {:a, [b: 1]}),
  quote(do: x * (y + z) / 2),
  quote(do: 2 ** 3 ** 2),
  quote(do: a <> b <> "c"),
  quote(do: Enum.map(list, &(&1 * 2))),
  quote(do: with({:ok, a} <- f(), {:ok, b} <- g(a), do: a + b)),
  quote(do: if(a, do: (x = 1; x + 1))),
  quote(do: [1, 2, 3] |> Enum.map(fn x -> x * x end) |> Enum.sum()),
  quote(do: :ok),
  quote(do: -1),
  quote(do: 1 - 1),
  quote(do: !(a || b)),
  quote(do: assert(a == b)),
  quote(do: foo(bar: 1, baz: [2])),
  quote(do: %{map | key: value}),
  quote(do: send(self(), {:msg, 1})),
  quote(do: 10_000_000),
]
for s <- samples1 ++ samples2, do: IO.puts(Macro.to_string(s))
