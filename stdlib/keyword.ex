# Keyword for Ember: keyword lists are plain lists of {atom, value} tuples, so everything here
# is list recursion plus the :lists key built-ins. Duplicate keys behave as in Elixir: get
# returns the first entry, put/delete remove every entry of the key.
defmodule Keyword do
  def new, do: []

  def new(pairs), do: new(pairs, fn pair -> pair end)

  def new(pairs, transform) do
    new_list(:lists.reverse(Enum.to_list(pairs)), transform, [])
  end

  defp new_list([], _transform, acc), do: acc

  defp new_list([pair | rest], transform, acc) do
    {key, value} = transform.(pair)

    if :lists.keymember(key, 1, acc) do
      new_list(rest, transform, acc)
    else
      new_list(rest, transform, [{key, value} | acc])
    end
  end

  def keyword?([]), do: true
  def keyword?([{key, _value} | rest]) when is_atom(key), do: keyword?(rest)
  def keyword?(_other), do: false

  def to_list(keywords) when is_list(keywords), do: keywords

  def get(keywords, key), do: get(keywords, key, nil)

  def get(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> default
    end
  end

  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> fun.()
    end
  end

  def get_values(keywords, key) when is_list(keywords) and is_atom(key) do
    values_of(keywords, key, [])
  end

  defp values_of([], _key, acc), do: :lists.reverse(acc)
  defp values_of([{key, value} | rest], key, acc), do: values_of(rest, key, [value | acc])
  defp values_of([_ | rest], key, acc), do: values_of(rest, key, acc)

  def fetch(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch!(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> raise KeyError, key: key, term: keywords
    end
  end

  def has_key?(keywords, key) when is_list(keywords) and is_atom(key) do
    :lists.keymember(key, 1, keywords)
  end

  def keys(keywords) when is_list(keywords), do: firsts(keywords, [])

  defp firsts([], acc), do: :lists.reverse(acc)
  defp firsts([{key, _} | rest], acc), do: firsts(rest, [key | acc])

  def values(keywords) when is_list(keywords), do: seconds(keywords, [])

  defp seconds([], acc), do: :lists.reverse(acc)
  defp seconds([{_, value} | rest], acc), do: seconds(rest, [value | acc])

  def delete(keywords, key) when is_list(keywords) and is_atom(key) do
    delete_all(keywords, key, [])
  end

  defp delete_all([], _key, acc), do: :lists.reverse(acc)
  defp delete_all([{key, _} | rest], key, acc), do: delete_all(rest, key, acc)
  defp delete_all([entry | rest], key, acc), do: delete_all(rest, key, [entry | acc])

  def delete_first(keywords, key) when is_list(keywords) and is_atom(key) do
    :lists.keydelete(key, 1, keywords)
  end

  def put(keywords, key, value) when is_list(keywords) and is_atom(key) do
    [{key, value} | delete(keywords, key)]
  end

  def put_new(keywords, key, value) when is_list(keywords) and is_atom(key) do
    if :lists.keymember(key, 1, keywords), do: keywords, else: [{key, value} | keywords]
  end

  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    if :lists.keymember(key, 1, keywords), do: keywords, else: [{key, fun.()} | keywords]
  end

  def replace(keywords, key, value) when is_list(keywords) and is_atom(key) do
    if :lists.keymember(key, 1, keywords) do
      replace_first(keywords, key, value, [])
    else
      keywords
    end
  end

  def replace!(keywords, key, value) when is_list(keywords) and is_atom(key) do
    if :lists.keymember(key, 1, keywords) do
      replace_first(keywords, key, value, [])
    else
      raise KeyError, key: key, term: keywords
    end
  end

  # Sets the first entry of [key] to [value] and drops its later duplicates.
  defp replace_first([{key, _} | rest], key, value, acc) do
    :lists.reverse(acc, [{key, value} | delete(rest, key)])
  end

  defp replace_first([entry | rest], key, value, acc) do
    replace_first(rest, key, value, [entry | acc])
  end

  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> replace_first(keywords, key, fun.(value), [])
      false -> keywords ++ [{key, default}]
    end
  end

  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> replace_first(keywords, key, fun.(value), [])
      false -> raise KeyError, key: key, term: keywords
    end
  end

  def merge(keywords1, keywords2) when is_list(keywords1) and is_list(keywords2) do
    drop_keys(keywords1, keys(keywords2), []) ++ keywords2
  end

  def merge(keywords1, keywords2, fun) when is_list(keywords1) and is_list(keywords2) do
    rest = drop_keys(keywords1, keys(keywords2), [])
    rest ++ merge_entries(keywords2, keywords1, fun, [])
  end

  defp merge_entries([], _original, _fun, acc), do: :lists.reverse(acc)

  defp merge_entries([{key, value2} | rest], original, fun, acc) do
    case :lists.keyfind(key, 1, original) do
      {^key, value1} ->
        entry = {key, fun.(key, value1, value2)}
        merge_entries(rest, :lists.keydelete(key, 1, original), fun, [entry | acc])

      false ->
        merge_entries(rest, original, fun, [{key, value2} | acc])
    end
  end

  defp drop_keys([], _keys, acc), do: :lists.reverse(acc)

  defp drop_keys([{key, _} = entry | rest], keys, acc) do
    if :lists.member(key, keys) do
      drop_keys(rest, keys, acc)
    else
      drop_keys(rest, keys, [entry | acc])
    end
  end

  def take(keywords, keys) when is_list(keywords) and is_list(keys) do
    take_keys(keywords, keys, [])
  end

  defp take_keys([], _keys, acc), do: :lists.reverse(acc)

  defp take_keys([{key, _} = entry | rest], keys, acc) do
    if :lists.member(key, keys) do
      take_keys(rest, keys, [entry | acc])
    else
      take_keys(rest, keys, acc)
    end
  end

  def drop(keywords, keys) when is_list(keywords) and is_list(keys) do
    drop_keys(keywords, keys, [])
  end

  def split(keywords, keys) when is_list(keywords) and is_list(keys) do
    {take_keys(keywords, keys, []), drop_keys(keywords, keys, [])}
  end

  def pop(keywords, key), do: pop(keywords, key, nil)

  def pop(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {value, delete(keywords, key)}
      false -> {default, keywords}
    end
  end

  def pop!(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {value, delete(keywords, key)}
      false -> raise KeyError, key: key, term: keywords
    end
  end

  def pop_first(keywords, key), do: pop_first(keywords, key, nil)

  def pop_first(keywords, key, default) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {value, :lists.keydelete(key, 1, keywords)}
      false -> {default, keywords}
    end
  end

  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    current = get(keywords, key)

    case fun.(current) do
      {got, new_value} -> {got, set_first(keywords, key, new_value, [])}
      :pop -> {current, :lists.keydelete(key, 1, keywords)}
    end
  end

  # Sets the first entry of [key] to [value] (keeping later duplicates), or prepends it.
  defp set_first([], key, value, acc), do: [{key, value} | :lists.reverse(acc)]
  defp set_first([{key, _} | rest], key, value, acc), do: :lists.reverse(acc, [{key, value} | rest])
  defp set_first([entry | rest], key, value, acc), do: set_first(rest, key, value, [entry | acc])

  def filter(keywords, fun) when is_list(keywords), do: Enum.filter(keywords, fun)
  def reject(keywords, fun) when is_list(keywords), do: Enum.reject(keywords, fun)

  # validate/2: every key of [keywords] must appear (once) in [values], a list of atoms and
  # {key, default} pairs; missing defaults are added. Result order follows Elixir 1.14.
  def validate(keywords, values) when is_list(keywords) and is_list(values) do
    validate_list(keywords, values, [], [])
  end

  def validate!(keywords, values) do
    case validate(keywords, values) do
      {:ok, result} ->
        result

      {:error, invalid} ->
        raise ArgumentError,
              "unknown keys #{inspect(invalid)} in #{inspect(keywords)}, " <>
                "the allowed keys are: #{inspect(allowed_keys(values, []))}"
    end
  end

  defp allowed_keys([], acc), do: :lists.reverse(acc)
  defp allowed_keys([{key, _} | rest], acc), do: allowed_keys(rest, [key | acc])
  defp allowed_keys([key | rest], acc), do: allowed_keys(rest, [key | acc])

  defp validate_list([{key, _} = pair | rest], values, acc, bad) when is_atom(key) do
    case validate_take(key, values, []) do
      {:ok, values} -> validate_list(rest, values, [pair | acc], bad)
      :error -> validate_list(rest, values, acc, [key | bad])
    end
  end

  defp validate_list([], values, acc, []), do: {:ok, validate_move(values, acc)}
  defp validate_list([], _values, _acc, bad), do: {:error, bad}

  defp validate_list([pair | _], _values, _acc, _bad) do
    raise ArgumentError,
          "expected a keyword list as first argument, got invalid entry: #{inspect(pair)}"
  end

  defp validate_take(_key, [], _seen), do: :error
  defp validate_take(key, [key | rest], seen), do: {:ok, :lists.reverse(seen, rest)}
  defp validate_take(key, [{key, _} | rest], seen), do: {:ok, :lists.reverse(seen, rest)}
  defp validate_take(key, [other | rest], seen), do: validate_take(key, rest, [other | seen])

  defp validate_move([], acc), do: acc
  defp validate_move([key | rest], acc) when is_atom(key), do: validate_move(rest, acc)

  defp validate_move([{key, _} = pair | rest], acc) when is_atom(key) do
    validate_move(rest, [pair | acc])
  end

  defp validate_move([other | _], _acc) do
    raise ArgumentError,
          "expected the second argument to be a list of atoms or tuples, got: #{inspect(other)}"
  end

  def equal?(left, right) when is_list(left) and is_list(right) do
    :lists.sort(left) == :lists.sort(right)
  end
end
