# :ets functions written in Ember (the rest are C built-ins, vm/bi_ets.c): folds over a
# snapshot of the table, and match_object/select_count for simple patterns.
defmodule Ember.Erlang.Ets do
  def foldl(fun, acc, table), do: Enum.reduce(:ets.tab2list(table), acc, fun)

  def foldr(fun, acc, table), do: Enum.reduce(Enum.reverse(:ets.tab2list(table)), acc, fun)

  # Patterns: :_ matches anything; :"$1", :"$2", ... bind (equal binds must match alike);
  # anything else must be equal (tuples and lists are matched element by element).
  def match_object(table, pattern) do
    Enum.filter(:ets.tab2list(table), fn obj -> match(pattern, obj, %{}) != :nomatch end)
  end

  # Only match specs of the form [{pattern, [], [true]}] (guards are not supported).
  def select_count(table, specs) do
    Enum.count(:ets.tab2list(table), fn obj ->
      Enum.any?(specs, fn {pattern, [], [true]} -> match(pattern, obj, %{}) != :nomatch end)
    end)
  end

  def match_delete(table, pattern) do
    Enum.each(match_object(table, pattern), fn obj -> :ets.delete_object(table, obj) end)
    true
  end

  @doc false
  # Whether value matches the match pattern (used by Registry.match/3).
  def __match__(pattern, value), do: match(pattern, value, %{}) != :nomatch

  defp match(:_, _, b), do: b

  defp match(p, v, b) when is_atom(p) do
    if var?(p) do
      case b do
        %{^p => bound} -> if bound === v, do: b, else: :nomatch
        _ -> Map.put(b, p, v)
      end
    else
      if p === v, do: b, else: :nomatch
    end
  end

  defp match(p, v, b) when is_tuple(p) and is_tuple(v) do
    if tuple_size(p) == tuple_size(v) do
      match_list(Tuple.to_list(p), Tuple.to_list(v), b)
    else
      :nomatch
    end
  end

  defp match(p, v, b) when is_list(p) and is_list(v), do: match_list(p, v, b)
  defp match(p, v, b), do: if(p === v, do: b, else: :nomatch)

  defp match_list([], [], b), do: b

  defp match_list([p | ps], [v | vs], b) do
    case match(p, v, b) do
      :nomatch -> :nomatch
      b2 -> match_list(ps, vs, b2)
    end
  end

  defp match_list(p, v, b) when not is_list(p) or not is_list(v), do: match(p, v, b)
  defp match_list(_, _, _), do: :nomatch

  defp var?(a) do
    case Atom.to_string(a) do
      "$" <> rest -> rest != "" and Enum.all?(String.to_charlist(rest), &(&1 in ?0..?9))
      _ -> false
    end
  end
end
