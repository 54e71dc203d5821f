# Macro.to_string/1 for the common shapes (Elixir 1.14 runs the whole code formatter; this is a
# smaller printer that gives the same text for operators with Elixir's precedence and
# parentheses, calls, remote calls, captures, literals, lists, keywords, maps, structs, tuples,
# bitstrings, interpolated strings, fn, blocks and do/end blocks indented by two spaces). It
# does not wrap long lines at 98 columns, and sigils and comments are not reproduced.
defmodule Ember.MacroToString do
  def to_string(ast), do: expr(ast)

  # Calls printed without parentheses, from the formatter's locals_without_parens.
  defp no_parens_local?(name) do
    name in [:raise, :reraise, :if, :unless, :def, :defp, :defmacro, :defmacrop, :defmodule,
             :defstruct, :defdelegate, :defexception, :import, :alias, :require, :use, :assert,
             :refute, :assert_raise, :assert_receive, :assert_received, :refute_receive,
             :refute_received, :assert_in_delta, :test, :setup, :setup_all, :doctest]
  end

  defp binary_op(op) do
    cond do
      op in [:<-, :\\] -> {:left, 40}
      op == :when -> {:right, 50}
      op == :"::" -> {:right, 60}
      op == :| -> {:right, 70}
      op == := -> {:right, 100}
      op in [:||, :|||, :or] -> {:left, 130}
      op in [:&&, :&&&, :and] -> {:left, 140}
      op in [:==, :!=, :=~, :===, :!==] -> {:left, 150}
      op in [:<, :<=, :>=, :>] -> {:left, 160}
      op in [:|>, :<<<, :>>>, :<~, :~>, :<<~, :~>>, :<~>, :"<|>"] -> {:left, 170}
      op == :in -> {:left, 180}
      op == :"^^^" -> {:left, 190}
      op in [:++, :--, :.., :<>, :+++, :---] -> {:right, 200}
      op in [:+, :-] -> {:left, 210}
      op in [:*, :/] -> {:left, 220}
      op == :** -> {:left, 230}
      true -> nil
    end
  end

  defp binary_call?({op, _, [_, _]}) when is_atom(op), do: binary_op(op) != nil
  defp binary_call?(_), do: false

  # ==== Blocks, variables, aliases ====

  defp expr({:__block__, _, [single]}), do: expr(single)
  defp expr({:__block__, _, exprs}) when is_list(exprs), do: Enum.map_join(exprs, "\n", &expr/1)
  defp expr({name, _, ctx}) when is_atom(name) and is_atom(ctx), do: Atom.to_string(name)
  defp expr({:__aliases__, _, parts}), do: Enum.map_join(parts, ".", &alias_part/1)

  # ==== Data ====

  defp expr({:{}, _, items}), do: "{" <> args_string(items) <> "}"
  defp expr({:%{}, _, [{:|, _, [map, pairs]}]}), do: "%{" <> expr(map) <> " | " <> pairs_string(pairs) <> "}"
  defp expr({:%{}, _, pairs}), do: "%{" <> pairs_string(pairs) <> "}"

  defp expr({:%, _, [name, {:%{}, _, [{:|, _, [map, pairs]}]}]}) do
    "%" <> expr(name) <> "{" <> expr(map) <> " | " <> pairs_string(pairs) <> "}"
  end

  defp expr({:%, _, [name, {:%{}, _, pairs}]}), do: "%" <> expr(name) <> "{" <> pairs_string(pairs) <> "}"

  defp expr({:<<>>, _, parts}) do
    if interpolation?(parts) do
      "\"" <> Enum.map_join(parts, "", &interpolated_part/1) <> "\""
    else
      "<<" <> Enum.map_join(parts, ", ", &bit_part/1) <> ">>"
    end
  end

  # ==== Functions and captures ====

  defp expr({:fn, _, [{:->, _, [args, body]}]}) do
    body = expr(body)

    if String.contains?(body, "\n") do
      "fn " <> clause_head(args) <> " ->\n" <> indent(body) <> "\nend"
    else
      "fn " <> clause_head(args) <> "-> " <> body <> " end"
    end
  end

  defp expr({:fn, _, clauses}), do: "fn\n" <> indent(clauses_string(clauses)) <> "\nend"
  defp expr({:&, _, [n]}) when is_integer(n), do: "&" <> Integer.to_string(n)

  defp expr({:&, _, [{:/, _, [fun, arity]}]}) when is_integer(arity) do
    "&" <> capture_name(fun) <> "/" <> Integer.to_string(arity)
  end

  defp expr({:&, _, [arg]}) do
    if binary_call?(arg), do: "&(" <> expr(arg) <> ")", else: "&" <> expr(arg)
  end

  # ==== Operators ====

  defp expr({:"..//", _, [first, last, step]}), do: expr(first) <> ".." <> expr(last) <> "//" <> expr(step)
  defp expr({:.., _, [first, last]}), do: operand(first, 200, true) <> ".." <> operand(last, 200, false)
  defp expr({:not, _, [arg]}), do: "not " <> unary_operand(arg)

  defp expr({op, _, [arg]}) when op in [:!, :^, :+, :-, :@, :"~~~"] do
    Atom.to_string(op) <> unary_operand(arg)
  end

  defp expr({op, _, [left, right]} = call) when is_atom(op) do
    case binary_op(op) do
      {assoc, prec} ->
        operand(left, prec, assoc == :right, op) <> " " <> Atom.to_string(op) <> " " <>
          operand(right, prec, assoc == :left, op)

      nil ->
        call_string(call)
    end
  end

  # ==== Calls ====

  defp expr({{:., _, [Access, :get]}, _, [data, key]}), do: expr(data) <> "[" <> expr(key) <> "]"

  defp expr({{:., _, [left, name]}, meta, args}) when is_atom(name) and is_list(args) do
    target = if is_atom(left), do: inspect(left), else: remote_target(left)

    aliased = is_atom(left) or match?({:__aliases__, _, _}, left)

    if args == [] and not aliased and Keyword.get(meta, :no_parens, false) do
      target <> "." <> Atom.to_string(name)
    else
      target <> "." <> Atom.to_string(name) <> "(" <> args_string(args) <> ")"
    end
  end

  defp expr({{:., _, [fun]}, _, args}) when is_list(args), do: expr(fun) <> ".(" <> args_string(args) <> ")"
  defp expr({name, _, args} = call) when is_atom(name) and is_list(args), do: call_string(call)

  # ==== Literals ====

  defp expr({left, right}), do: "{" <> args_string([left, right]) <> "}"

  defp expr(list) when is_list(list) do
    cond do
      list != [] and Enum.all?(list, &(is_integer(&1) and &1 >= 32 and &1 <= 126)) -> inspect(list)
      keyword?(list) -> "[" <> kw_string(list) <> "]"
      true -> "[" <> Enum.map_join(list, ", ", &expr/1) <> "]"
    end
  end

  defp expr(int) when is_integer(int) and (int >= 100_000 or int <= -100_000) do
    digits = Integer.to_string(abs(int))
    grouped =
      digits
      |> String.reverse()
      |> String.graphemes()
      |> Enum.chunk_every(3)
      |> Enum.map_join("_", &Enum.join/1)
      |> String.reverse()

    if int < 0, do: "-" <> grouped, else: grouped
  end

  defp expr(other), do: inspect(other)

  # ==== Helpers ====

  defp call_string({name, _, args}) do
    case split_do_block(args) do
      {rest, blocks} ->
        head = if rest == [], do: Atom.to_string(name), else: Atom.to_string(name) <> " " <> args_string(rest)
        head <> " do\n" <> Enum.map_join(blocks, "\n", &block_string/1) <> "\nend"

      nil ->
        if args != [] and no_parens_local?(name) do
          Atom.to_string(name) <> " " <> args_string(args)
        else
          Atom.to_string(name) <> "(" <> args_string(args) <> ")"
        end
    end
  end

  defp split_do_block(args) do
    case List.last(args) do
      [{:do, _} | _] = kw -> if keyword?(kw), do: {Enum.drop(args, -1), kw}, else: nil
      _ -> nil
    end
  end

  defp block_string({:do, body}), do: indent(body_string(body))
  defp block_string({key, body}), do: Atom.to_string(key) <> "\n" <> indent(body_string(body))

  defp body_string([{:->, _, _} | _] = clauses), do: clauses_string(clauses)
  defp body_string(body), do: expr(body)

  # One line per clause, unless a body takes several: then every clause breaks after `->` and
  # a blank line separates them, as the formatter does.
  defp clauses_string(clauses) do
    pairs = Enum.map(clauses, fn {:->, _, [args, body]} -> {clause_head(args), expr(body)} end)

    if Enum.any?(pairs, fn {_, body} -> String.contains?(body, "\n") end) do
      Enum.map_join(pairs, "\n\n", fn {head, body} ->
        String.trim_trailing(head) <> " ->\n" <> indent(body)
      end)
    else
      Enum.map_join(pairs, "\n", fn {head, body} -> head <> "-> " <> body end)
    end
  end

  defp clause_head([]), do: ""
  defp clause_head(args), do: Enum.map_join(args, ", ", &expr/1) <> " "

  defp indent(text) do
    text
    |> String.split("\n")
    |> Enum.map_join("\n", fn "" -> ""; line -> "  " <> line end)
  end

  defp args_string(args) do
    case List.last(args) do
      [_ | _] = kw ->
        if keyword?(kw) do
          Enum.map_join(Enum.drop(args, -1) ++ [{:kw, kw}], ", ", fn
            {:kw, kw} -> kw_string(kw)
            arg -> expr(arg)
          end)
        else
          Enum.map_join(args, ", ", &expr/1)
        end

      _ ->
        Enum.map_join(args, ", ", &expr/1)
    end
  end

  defp keyword?([_ | _] = list), do: Enum.all?(list, &match?({key, _} when is_atom(key), &1))
  defp keyword?(_), do: false

  defp kw_string(kw), do: Enum.map_join(kw, ", ", fn {k, v} -> key_string(k) <> " " <> expr(v) end)

  defp key_string(key) do
    ":" <> text = inspect(key)
    text <> ":"
  end

  defp pairs_string(pairs) do
    {arrows, kws} = Enum.split(pairs, length(pairs) - length(trailing_atom_keys(Enum.reverse(pairs), [])))
    arrow_strings = Enum.map(arrows, fn {k, v} -> expr(k) <> " => " <> expr(v) end)
    kw_strings = if kws == [], do: [], else: [kw_string(kws)]
    Enum.join(arrow_strings ++ kw_strings, ", ")
  end

  defp trailing_atom_keys([{k, _} = pair | rest], acc) when is_atom(k), do: trailing_atom_keys(rest, [pair | acc])
  defp trailing_atom_keys(_, acc), do: acc

  defp alias_part(part) when is_atom(part) do
    case Atom.to_string(part) do
      "Elixir." <> rest -> rest
      text -> text
    end
  end

  defp alias_part(part), do: expr(part)

  defp capture_name({{:., _, [left, name]}, _, []}) when is_atom(name) do
    target = if is_atom(left), do: inspect(left), else: remote_target(left)
    target <> "." <> Atom.to_string(name)
  end

  defp capture_name(fun), do: expr(fun)

  defp remote_target(left) do
    if binary_call?(left), do: "(" <> expr(left) <> ")", else: expr(left)
  end

  # Parenthesises a binary-operator [child] of an operator of precedence [prec] when precedence
  # or associativity requires it, and `and` under `or` as the formatter does.
  defp operand(child, prec, wrap_equal, parent \\ nil) do
    text = expr(child)

    case child do
      {op, _, [_, _]} when is_atom(op) ->
        case binary_op(op) do
          {_, child_prec} ->
            mixed = parent in [:or, :||] and op in [:and, :&&]
            if child_prec < prec or (child_prec == prec and wrap_equal) or mixed,
              do: "(" <> text <> ")",
              else: text

          nil ->
            text
        end

      _ ->
        text
    end
  end

  defp unary_operand(arg) do
    if binary_call?(arg), do: "(" <> expr(arg) <> ")", else: expr(arg)
  end

  defp interpolation?(parts) do
    Enum.any?(parts, &interpolated?/1) and Enum.all?(parts, &(is_binary(&1) or interpolated?(&1)))
  end

  defp interpolated?({:"::", _, [{{:., _, [Kernel, :to_string]}, _, [_]}, {:binary, _, _}]}), do: true
  defp interpolated?(_), do: false

  defp interpolated_part({:"::", _, [{{:., _, [Kernel, :to_string]}, _, [e]}, _]}), do: "\#{" <> expr(e) <> "}"

  defp interpolated_part(text) do
    quoted = inspect(text)
    String.slice(quoted, 1, String.length(quoted) - 2)
  end

  defp bit_part({:"::", _, [value, type]}), do: expr(value) <> "::" <> bit_type(type)
  defp bit_part(value), do: expr(value)

  defp bit_type({:-, _, [left, right]}), do: bit_type(left) <> "-" <> bit_type(right)
  defp bit_type(type), do: expr(type)
end
