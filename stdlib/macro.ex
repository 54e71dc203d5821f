# Macro: functions over Elixir's quoted form (Elixir 1.14's lib/macro.ex): escaping terms into
# quoted form, walking and rewriting trees, variables, call decomposition, pipes and the name
# helpers, and to_string (stdlib/macro_to_string.ex). Macro.expand and Macro.Env are not here
# yet (docs/language.md).
defmodule Macro do
  def to_string(tree), do: Ember.MacroToString.to_string(tree)

  def var(var, context) when is_atom(var) and is_atom(context), do: {var, [], context}

  def unique_var(var, context) when is_atom(var) and is_atom(context) do
    {var, [counter: :erlang.unique_integer()], context}
  end

  def generate_arguments(0, context) when is_atom(context), do: []

  def generate_arguments(amount, context)
      when is_integer(amount) and amount > 0 and is_atom(context) do
    for id <- 1..amount, do: {String.to_atom("arg" <> Integer.to_string(id)), [], context}
  end

  def generate_unique_arguments(0, context) when is_atom(context), do: []

  def generate_unique_arguments(amount, context)
      when is_integer(amount) and amount > 0 and is_atom(context) do
    for id <- 1..amount, do: unique_var(String.to_atom("arg" <> Integer.to_string(id)), context)
  end

  # `quote(do: [unquote_splicing(l) | t])`: the spliced list with t as the tail of its last
  # element (compiler/quote.c), as Elixir's :elixir_quote.tail_list/3.
  def __tail_list__(list, tail) when is_list(list) do
    [last | rest] = Enum.reverse(list)
    Enum.reverse([{:|, [], [last, tail]} | rest])
  end

  # ==== escape ====

  def escape(expr, opts \\ []) do
    unq = Keyword.get(opts, :unquote, false)
    prune = Keyword.get(opts, :prune_metadata, false)
    do_escape(expr, unq, prune)
  end

  defp do_escape({:unquote, _, [expr]}, true, _prune), do: expr

  defp do_escape({left, right}, u, p), do: {do_escape(left, u, p), do_escape(right, u, p)}

  defp do_escape({name, meta, args}, u, true) when is_list(meta) do
    pruned = for {k, _} = pair <- meta, k == :line or k == :no_parens, do: pair
    {:{}, [], [do_escape(name, u, true), pruned, do_escape(args, u, true)]}
  end

  defp do_escape(tuple, u, p) when is_tuple(tuple) do
    {:{}, [], do_escape(Tuple.to_list(tuple), u, p)}
  end

  defp do_escape(map, u, p) when is_map(map) do
    pairs = for {k, v} <- Enum.sort(Map.to_list(map)), do: {do_escape(k, u, p), do_escape(v, u, p)}
    {:%{}, [], pairs}
  end

  defp do_escape(list, u, p) when is_list(list), do: escape_list(list, u, p)

  defp do_escape(fun, _u, _p) when is_function(fun) do
    raise ArgumentError, "cannot escape #{inspect(fun)}. The supported values are: lists, tuples, maps, atoms, numbers, bitstrings, PIDs and remote functions in the format &Mod.fun/arity"
  end

  defp do_escape(other, _u, _p), do: other

  defp escape_list([{:unquote_splicing, _, [expr]} | rest], true, p) do
    {:++, [], [expr, escape_list(rest, true, p)]}
  end

  defp escape_list([h | t], u, p) when is_list(t), do: [do_escape(h, u, p) | escape_list(t, u, p)]
  defp escape_list([h | t], u, p), do: [{:|, [], [do_escape(h, u, p), do_escape(t, u, p)]}]
  defp escape_list([], _u, _p), do: []

  # ==== Walks ====

  def prewalk(ast, fun) when is_function(fun, 1) do
    elem(prewalk(ast, nil, fn x, nil -> {fun.(x), nil} end), 0)
  end

  def prewalk(ast, acc, fun) when is_function(fun, 2) do
    traverse(ast, acc, fun, fn x, a -> {x, a} end)
  end

  def postwalk(ast, fun) when is_function(fun, 1) do
    elem(postwalk(ast, nil, fn x, nil -> {fun.(x), nil} end), 0)
  end

  def postwalk(ast, acc, fun) when is_function(fun, 2) do
    traverse(ast, acc, fn x, a -> {x, a} end, fun)
  end

  def traverse(ast, acc, pre, post) when is_function(pre, 2) and is_function(post, 2) do
    {ast, acc} = pre.(ast, acc)
    do_traverse(ast, acc, pre, post)
  end

  defp do_traverse({form, meta, args}, acc, pre, post) when is_atom(form) do
    {args, acc} = do_traverse_args(args, acc, pre, post)
    post.({form, meta, args}, acc)
  end

  defp do_traverse({form, meta, args}, acc, pre, post) do
    {form, acc} = pre.(form, acc)
    {form, acc} = do_traverse(form, acc, pre, post)
    {args, acc} = do_traverse_args(args, acc, pre, post)
    post.({form, meta, args}, acc)
  end

  defp do_traverse({left, right}, acc, pre, post) do
    {left, acc} = pre.(left, acc)
    {left, acc} = do_traverse(left, acc, pre, post)
    {right, acc} = pre.(right, acc)
    {right, acc} = do_traverse(right, acc, pre, post)
    post.({left, right}, acc)
  end

  defp do_traverse(list, acc, pre, post) when is_list(list) do
    {list, acc} = do_traverse_args(list, acc, pre, post)
    post.(list, acc)
  end

  defp do_traverse(x, acc, _pre, post), do: post.(x, acc)

  defp do_traverse_args(args, acc, _pre, _post) when is_atom(args), do: {args, acc}

  defp do_traverse_args(args, acc, pre, post) when is_list(args) do
    Enum.map_reduce(args, acc, fn x, acc ->
      {x, acc} = pre.(x, acc)
      do_traverse(x, acc, pre, post)
    end)
  end

  def update_meta({left, meta, right}, fun) when is_list(meta), do: {left, fun.(meta), right}
  def update_meta(other, _fun), do: other

  # ==== Inspecting quoted forms ====

  def decompose_call({{:., _, [remote, function]}, _, args})
      when (is_tuple(remote) or is_atom(remote)) and is_atom(function) and is_list(args) do
    {remote, function, args}
  end

  def decompose_call({name, _, args}) when is_atom(name) and is_atom(args), do: {name, []}

  def decompose_call({name, _, args}) when is_atom(name) and is_list(args) do
    if name in [:{}, :%{}, :<<>>], do: :error, else: {name, args}
  end

  def decompose_call(_), do: :error

  def quoted_literal?({:__aliases__, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:%, _, [left, right]}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?({:%{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({left, right}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?(list) when is_list(list), do: Enum.all?(list, &quoted_literal?/1)
  def quoted_literal?(term), do: is_atom(term) or is_number(term) or is_binary(term)

  def validate(expr) do
    find_invalid(expr) || :ok
  end

  defp find_invalid({left, right}), do: find_invalid(left) || find_invalid(right)

  defp find_invalid({left, meta, right}) when is_list(meta) and (is_atom(right) or is_list(right)) do
    find_invalid(left) || find_invalid(right)
  end

  defp find_invalid(list) when is_list(list), do: Enum.find_value(list, &find_invalid/1)
  defp find_invalid(pid) when is_pid(pid), do: nil
  defp find_invalid(atom) when is_atom(atom), do: nil
  defp find_invalid(num) when is_number(num), do: nil
  defp find_invalid(bin) when is_binary(bin), do: nil
  defp find_invalid(other), do: {:error, other}

  def special_form?(name, arity) when is_atom(name) and is_integer(arity) do
    case name do
      n when n in [:__block__, :->, :<<>>, :{}, :%{}, :fn, :super, :for, :with, :__aliases__] ->
        true

      n when n in [:&, :^, :unquote, :unquote_splicing, :cond, :try, :receive] ->
        arity == 1

      n when n in [:=, :%, :|, :., :"::", :case] ->
        arity == 2

      n when n in [:alias, :require, :import, :quote] ->
        arity == 1 or arity == 2

      n when n in [:__MODULE__, :__DIR__, :__ENV__, :__CALLER__, :__STACKTRACE__] ->
        arity == 0

      _ ->
        false
    end
  end

  def operator?(name, 1) when is_atom(name) do
    name in [:!, :^, :not, :+, :-, :"~~~", :@, :&]
  end

  def operator?(name, 2) when is_atom(name) do
    name in [:+, :-, :&&, :||, :and, :or, :in, :===, :!==, :==, :!=, :<, :>, :<=, :>=, :=~,
             :=, :*, :/, :++, :--, :+++, :---, :.., :<>, :|>, :<<<, :>>>, :<<~, :~>>, :<~,
             :~>, :<~>, :"<|>", :|||, :&&&, :"^^^", :"::", :|, :\\, :when, :., :**]
  end

  def operator?(:.., 0), do: true
  def operator?(name, arity) when is_atom(name) and is_integer(arity), do: false

  # ==== Pipes ====

  def unpipe(expr), do: Enum.reverse(unpipe(expr, []))

  defp unpipe({:|>, _, [left, right]}, acc), do: unpipe(right, unpipe(left, acc))
  defp unpipe(other, acc), do: [{other, 0} | acc]

  def pipe(expr, {form, _, _} = call_args, _integer) when form in [:&, :{}, :%{}, :__aliases__, :<<>>] do
    raise ArgumentError, bad_pipe(expr, call_args)
  end

  def pipe(expr, {:fn, _, _}, _integer) do
    raise ArgumentError,
          "cannot pipe #{to_string(expr)} into an anonymous function without calling the function; " <>
            "use Kernel.then/2 instead or define the anonymous function as a regular private function"
  end

  def pipe(expr, {call, line, atom}, integer) when is_atom(atom) do
    {call, line, List.insert_at([], integer, expr)}
  end

  def pipe(expr, {op, line, args} = op_args, integer) when is_list(args) do
    cond do
      is_atom(op) and operator?(op, 1) and operator?(op, 2) and length(args) == 1 ->
        raise ArgumentError,
              "piping into a unary operator is not supported, please use the qualified name: " <>
                "Kernel.#{op}(#{to_string(hd(args))}), instead of #{to_string(op_args)}"

      is_atom(op) and operator?(op, 1) ->
        raise ArgumentError,
              "cannot pipe #{to_string(expr)} into #{to_string(op_args)}, " <>
                "the #{inspect(op)} operator can only take one argument"

      is_atom(op) and operator?(op, 2) ->
        raise ArgumentError,
              "cannot pipe #{to_string(expr)} into #{to_string(op_args)}, " <>
                "the #{inspect(op)} operator can only take two arguments"

      true ->
        {op, line, List.insert_at(args, integer, expr)}
    end
  end

  def pipe(expr, call_args, _integer) do
    raise ArgumentError, bad_pipe(expr, call_args)
  end

  defp bad_pipe(expr, call_args) do
    "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, " <>
      "can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()"
  end

  # ==== Names ====

  def underscore(atom) when is_atom(atom) do
    "Elixir." <> rest = Atom.to_string(atom)
    underscore(rest)
  end

  def underscore(<<h, t::binary>>), do: <<to_lower_char(h)>> <> do_underscore(t, h)
  def underscore(""), do: ""

  defp do_underscore(<<h, t, rest::binary>>, _)
       when h >= ?A and h <= ?Z and not (t >= ?A and t <= ?Z) and not (t >= ?0 and t <= ?9) and
              t != ?. and t != ?_ do
    <<?_, to_lower_char(h), t>> <> do_underscore(rest, t)
  end

  defp do_underscore(<<h, t::binary>>, prev)
       when h >= ?A and h <= ?Z and not (prev >= ?A and prev <= ?Z) and prev != ?_ do
    <<?_, to_lower_char(h)>> <> do_underscore(t, h)
  end

  defp do_underscore(<<?., t::binary>>, _), do: <<?/>> <> underscore(t)
  defp do_underscore(<<h, t::binary>>, _), do: <<to_lower_char(h)>> <> do_underscore(t, h)
  defp do_underscore(<<>>, _), do: <<>>

  def camelize(""), do: ""
  def camelize(<<?_, t::binary>>), do: camelize(t)
  def camelize(<<h, t::binary>>), do: <<to_upper_char(h)>> <> do_camelize(t)

  defp do_camelize(<<?_, ?_, t::binary>>), do: do_camelize(<<?_, t::binary>>)

  defp do_camelize(<<?_, h, t::binary>>) when h >= ?a and h <= ?z do
    <<to_upper_char(h)>> <> do_camelize(t)
  end

  defp do_camelize(<<?_, h, t::binary>>) when h >= ?0 and h <= ?9, do: <<h>> <> do_camelize(t)
  defp do_camelize(<<?_>>), do: <<>>
  defp do_camelize(<<?/, t::binary>>), do: <<?.>> <> camelize(t)
  defp do_camelize(<<h, t::binary>>), do: <<h>> <> do_camelize(t)
  defp do_camelize(<<>>), do: <<>>

  defp to_upper_char(char) when char >= ?a and char <= ?z, do: char - 32
  defp to_upper_char(char), do: char

  defp to_lower_char(char) when char >= ?A and char <= ?Z, do: char + 32
  defp to_lower_char(char), do: char
end
