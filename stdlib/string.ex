# String functions written in Ember: chunk/2, splitter/2,3 (returns a list rather than a Stream;
# Enum treats both alike) and myers_difference/2. Everything else in String
# is a C built-in (vm/bi_string.c, vm/bi_string2.c).
defmodule String do
  def chunk("", _trait), do: []

  def chunk(string, trait) when is_binary(string) and (trait == :valid or trait == :printable) do
    [first | rest] = String.codepoints(string)
    chunk_units(rest, trait, chunk_flag(first, trait), first, [])
  end

  defp chunk_flag(unit, :valid), do: String.valid?(unit)
  defp chunk_flag(unit, :printable), do: String.printable?(unit)

  defp chunk_units([], _trait, _flag, current, acc), do: :lists.reverse([current | acc])

  defp chunk_units([unit | rest], trait, flag, current, acc) do
    case chunk_flag(unit, trait) do
      ^flag -> chunk_units(rest, trait, flag, current <> unit, acc)
      other -> chunk_units(rest, trait, other, unit, [current | acc])
    end
  end

  # split, replace and match? with a %Regex{} go to Regex; other patterns to the C built-ins.
  def split(string, %Regex{} = regex) when is_binary(string), do: Regex.split(regex, string)
  def split(string, pattern), do: :ember_string.split(string, pattern)

  def split(string, %Regex{} = regex, options) when is_binary(string) and is_list(options),
    do: Regex.split(regex, string, options)

  def split(string, pattern, options), do: :ember_string.split(string, pattern, options)

  def replace(subject, pattern, replacement), do: replace(subject, pattern, replacement, [])

  def replace(subject, %Regex{} = regex, replacement, options)
      when is_binary(replacement) or is_function(replacement, 1),
      do: Regex.replace(regex, subject, replacement, options)

  def replace(subject, pattern, replacement, options),
    do: :ember_string.replace(subject, pattern, replacement, options)

  def match?(string, regex) when is_binary(string), do: Regex.match?(regex, string)

  def splitter(string, pattern), do: splitter(string, pattern, [])
  def splitter(string, pattern, options), do: String.split(string, pattern, options)

  # Myers' O(ND) shortest edit script over graphemes, deletions tried before insertions
  # when both reach the same diagonal, with runs of one kind merged into one string.
  def myers_difference(string1, string2) when is_binary(string1) and is_binary(string2) do
    list1 = String.graphemes(string1)
    list2 = String.graphemes(string2)
    edits = myers_find(0, length(list1) + length(list2), [{0, 0, list1, list2, []}])
    myers_compact(edits, [])
  end

  defp myers_find(envelope, max, paths) when envelope <= max do
    case myers_each_diagonal(-envelope, envelope, paths, []) do
      {:done, edits} -> edits
      {:next, paths} -> myers_find(envelope + 1, max, paths)
    end
  end

  defp myers_each_diagonal(diag, limit, _paths, next_paths) when diag > limit do
    {:next, :lists.reverse(next_paths)}
  end

  defp myers_each_diagonal(diag, limit, paths, next_paths) do
    {path, rest} = myers_proceed(diag, limit, paths)

    case myers_follow_snake(path) do
      {:cont, path} -> myers_each_diagonal(diag + 2, limit, rest, [path | next_paths])
      {:done, edits} -> {:done, edits}
    end
  end

  defp myers_proceed(0, 0, [path]), do: {path, []}

  defp myers_proceed(diag, limit, [path | _] = paths) when diag == -limit do
    {myers_move_down(path), paths}
  end

  defp myers_proceed(diag, limit, [path]) when diag == limit, do: {myers_move_right(path), []}

  defp myers_proceed(_diag, _limit, [path1, path2 | rest]) do
    if elem(path1, 0) > elem(path2, 0) do
      {myers_move_right(path1), [path2 | rest]}
    else
      {myers_move_down(path2), [path2 | rest]}
    end
  end

  defp myers_move_right({y, x, list1, [elem | rest], edits}) do
    {y, x + 1, list1, rest, [{:ins, elem} | edits]}
  end

  defp myers_move_right({y, x, list1, [], edits}), do: {y, x + 1, list1, [], edits}

  defp myers_move_down({y, x, [elem | rest], list2, edits}) do
    {y + 1, x, rest, list2, [{:del, elem} | edits]}
  end

  defp myers_move_down({y, x, [], list2, edits}), do: {y + 1, x, [], list2, edits}

  defp myers_follow_snake({y, x, [elem | rest1], [elem | rest2], edits}) do
    myers_follow_snake({y + 1, x + 1, rest1, rest2, [{:eq, elem} | edits]})
  end

  defp myers_follow_snake({_y, _x, [], [], edits}), do: {:done, edits}
  defp myers_follow_snake(path), do: {:cont, path}

  # [edits] is newest first; the result is oldest first with equal kinds merged.
  defp myers_compact([], acc), do: acc

  defp myers_compact([{kind, g} | rest], [{kind, s} | acc]) do
    myers_compact(rest, [{kind, g <> s} | acc])
  end

  defp myers_compact([{kind, g} | rest], acc), do: myers_compact(rest, [{kind, g} | acc])

  # ==== Deprecated in Elixir 1.14 but still working (Elixir warns at compile time) ====

  def strip(string), do: String.trim(string)
  def strip(string, char), do: String.trim(string, <<char::utf8>>)
  def lstrip(string), do: String.trim_leading(string)
  def lstrip(string, char) when is_integer(char), do: String.replace_leading(string, <<char::utf8>>, "")
  def rstrip(string), do: String.trim_trailing(string)
  def rstrip(string, char) when is_integer(char), do: String.replace_trailing(string, <<char::utf8>>, "")
  def ljust(string, length), do: ljust(string, length, ?\s)

  def ljust(string, length, pad) when is_integer(pad) and is_integer(length) and length >= 0,
    do: String.pad_trailing(string, length, <<pad::utf8>>)

  def rjust(string, length), do: rjust(string, length, ?\s)

  def rjust(string, length, pad) when is_integer(pad) and is_integer(length) and length >= 0,
    do: String.pad_leading(string, length, <<pad::utf8>>)

  def to_char_list(string), do: String.to_charlist(string)
end
