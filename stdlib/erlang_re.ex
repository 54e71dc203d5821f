# Erlang's :re on PCRE2: run, replace, split, compile, inspect, version. Patterns are
# {:re_pattern, captures, unicode, flags, source} terms naming a VM-wide cache of compiled
# (JIT) code (vm/regex/); the matching itself is the :ember_re.exec built-in, which scans a
# large subject in pieces so that the process is charged and switched out between them.
defmodule Ember.Erlang.Re do
  def version, do: :ember_re.version()

  def compile(re), do: compile(re, [])

  def compile(re, options) do
    case :ember_re.split_opts(options) do
      {flags, 0, []} -> do_compile(re, flags)
      _ -> raise ArgumentError, bad_arg(2, "invalid options")
    end
  end

  defp do_compile(re, flags) do
    case :ember_re.compile(to_source(re, flags), flags) do
      {:ok, pattern} -> {:ok, pattern}
      {:error, _} = error -> error
    end
  end

  defp to_source(re, _flags) when is_binary(re), do: re
  defp to_source(re, flags) when is_list(re) and rem(flags, 2) == 1, do: IO.chardata_to_string(re)
  defp to_source(re, _flags) when is_list(re), do: :erlang.list_to_binary(re)
  defp to_source(_, _), do: raise ArgumentError, bad_arg(1, "not an iodata term")

  def inspect({:re_pattern, _, _, _, _} = pattern, :namelist) do
    {:namelist, Enum.map(:ember_re.names(pattern), fn {name, _} -> name end)}
  end

  # ==== run ====

  def run(subject, re), do: run(subject, re, [])

  def run(subject, re, options) do
    {pattern, rest} = pattern_and_options(re, options, 3)
    {bin, was_list} = subject_binary(subject, pattern)
    opts = run_options(rest, 3)
    fast = opts.capture == :all and opts.type == :binary and not was_list
    opts = if fast, do: %{opts | run: opts.run + 0x100}, else: opts
    result = exec(pattern, bin, opts)
    case result do
      {:error, reason} -> if opts.report_errors, do: {:error, reason}, else: :nomatch
      :nomatch -> :nomatch
      matches when fast -> {:match, matches} # groups made as binaries by exec (0x100)
      matches -> captured(matches, pattern, bin, was_list, opts)
    end
  end

  defp pattern_and_options({:re_pattern, _, _, _, _} = pattern, options, argno) do
    case :ember_re.split_opts(options) do
      {_, run, rest} -> {pattern, run_bits(run, rest)}
      :error -> raise ArgumentError, bad_arg(argno, "invalid options")
    end
  end

  defp pattern_and_options(re, options, argno) when is_binary(re) or is_list(re) do
    case :ember_re.split_opts(options) do
      {flags, run, rest} ->
        case do_compile(re, flags) do
          {:ok, pattern} -> {pattern, run_bits(run, rest)}
          {:error, {msg, at}} ->
            raise ArgumentError,
                  bad_arg(2, "could not parse regular expression\n#{msg} on character #{at}")
        end

      :error ->
        raise ArgumentError, bad_arg(argno, "invalid options")
    end
  end

  defp pattern_and_options(_, _, _) do
    raise ArgumentError, bad_arg(2, "neither an iodata term nor a compiled regular expression")
  end

  defp run_bits(run, rest), do: [{:ember_run_bits, run} | rest]

  defp subject_binary(subject, _pattern) when is_binary(subject), do: {subject, false}

  defp subject_binary(subject, {:re_pattern, _, unicode, _, _}) when is_list(subject) do
    if unicode == 1,
      do: {IO.chardata_to_string(subject), true},
      else: {:erlang.list_to_binary(subject), true}
  end

  defp subject_binary(_, _), do: raise ArgumentError, bad_arg(1, "not iodata")

  defp run_options(options, argno) do
    init = %{global: false, capture: :all, type: :index, offset: 0, report_errors: false, run: 0}
    Enum.reduce(options, init, fn
      {:ember_run_bits, bits}, acc -> %{acc | run: bits}
      :global, acc -> %{acc | global: true}
      :report_errors, acc -> %{acc | report_errors: true}
      {:offset, n}, acc when is_integer(n) and n >= 0 -> %{acc | offset: n}
      {:capture, spec}, acc -> %{acc | capture: spec}
      {:capture, spec, type}, acc when type in [:index, :list, :binary] ->
        %{acc | capture: spec, type: type}
      {:match_limit, _}, acc -> acc
      {:match_limit_recursion, _}, acc -> acc
      _, _ -> raise ArgumentError, bad_arg(argno, "invalid options")
    end)
  end

  # Runs [pattern]: :nomatch, {:error, reason}, a list of groups, or (global) a list of those.
  defp exec(pattern, bin, opts) do
    if opts.offset > byte_size(bin),
      do: raise ArgumentError, bad_arg(3, "invalid options")
    if opts.global do
      exec_global(pattern, bin, opts, nil)
    else
      :ember_re.exec(pattern, bin, opts.offset, opts.run, false, nil)
    end
  end

  # A long scan comes back in pieces; the matches accumulate newest first across them.
  defp exec_global(pattern, bin, opts, resume) do
    case :ember_re.exec(pattern, bin, opts.offset, opts.run, true, resume) do
      {:error, _} = error -> error
      {[], nil} -> :nomatch
      {rev, nil} -> :lists.reverse(rev)
      {rev, {at, empty}} -> exec_global(pattern, bin, opts, {at, empty, rev})
    end
  end

  defp captured(_matches, _pattern, _bin, _was_list, %{capture: :none}), do: :match

  defp captured(matches, pattern, bin, was_list, %{global: true} = opts) do
    {:match, Enum.map(matches, fn groups -> select(groups, pattern, bin, was_list, opts) end)}
  end

  defp captured(groups, pattern, bin, was_list, opts) do
    {:match, select(groups, pattern, bin, was_list, opts)}
  end

  defp select(groups, pattern, bin, was_list, opts) do
    picked =
      case opts.capture do
        :all -> groups
        :first -> [hd(groups)]
        :all_but_first -> tl(groups)
        :all_names -> Enum.map(:ember_re.names(pattern), fn {_, n} -> group(groups, n) end)
        list when is_list(list) -> Enum.map(list, fn g -> group(groups, group_number(pattern, g)) end)
        _ -> raise ArgumentError, bad_arg(3, "invalid options")
      end
    Enum.map(picked, fn pos -> convert(pos, bin, was_list, opts.type) end)
  end

  defp group(groups, n) when is_integer(n) and n >= 0 do
    case Enum.drop(groups, n) do
      [pos | _] -> pos
      [] -> {-1, 0}
    end
  end

  defp group(_, _), do: {-1, 0}

  defp group_number(_pattern, n) when is_integer(n), do: n

  defp group_number(pattern, name) do
    key = if is_atom(name), do: Atom.to_string(name), else: IO.chardata_to_string(name)
    case List.keyfind(:ember_re.names(pattern), key, 0) do
      {_, n} -> n
      nil -> -1
    end
  end

  defp convert(pos, _bin, _was_list, :index), do: pos
  defp convert({-1, 0}, _bin, _was_list, :binary), do: ""
  defp convert({-1, 0}, _bin, _was_list, :list), do: []
  defp convert({s, l}, bin, _was_list, :binary), do: binary_part(bin, s, l)
  defp convert({s, l}, bin, _was_list, :list), do: String.to_charlist(binary_part(bin, s, l))

  defp bad_arg(n, why) do
    nth = Enum.at(["1st", "2nd", "3rd", "4th"], n - 1)
    "errors were found at the given arguments:\n\n  * #{nth} argument: #{why}\n"
  end

  # ==== replace ====

  def replace(subject, re, replacement), do: replace(subject, re, replacement, [])

  def replace(subject, re, replacement, options) do
    {pattern, rest} = pattern_and_options(re, options, 4)
    {bin, _} = subject_binary(subject, pattern)
    {return, rest} = take_return(rest, :iodata, 4)
    opts = run_options(rest, 4)
    rep = parse_replacement(IO.iodata_to_binary(replacement))
    case exec(pattern, bin, opts) do
      :nomatch -> convert_result(bin, return)
      {:error, _} -> convert_result(bin, return)
      matches ->
        matches = if opts.global, do: matches, else: [matches]
        {parts, last} = Enum.reduce(matches, {[], 0}, fn [{s, l} | _] = groups, {acc, from} ->
          acc = if s > from, do: [binary_part(bin, from, s - from) | acc], else: acc
          {[expand(rep, groups, bin) | acc], s + l}
        end)
        tail = binary_part(bin, last, byte_size(bin) - last)
        tail = if tail == "", do: [], else: tail
        convert_result(Enum.reverse(parts) ++ tail, return)
    end
  end

  defp take_return(options, default, argno) do
    case List.keytake(options, :return, 0) do
      {{:return, r}, rest} when r in [:iodata, :list, :binary] -> {r, rest}
      {_, _} -> raise ArgumentError, bad_arg(argno, "invalid options")
      nil -> {default, options}
    end
  end

  defp convert_result(data, :iodata), do: data
  defp convert_result(data, :binary), do: IO.iodata_to_binary(data)
  defp convert_result(data, :list), do: String.to_charlist(IO.iodata_to_binary(data))

  # The replacement as a list of binaries and group numbers: & is the whole match, \N, \gN and
  # \g{N} a group, \& and \\ the characters themselves.
  defp parse_replacement(rep), do: parse_replacement(rep, "", [])

  defp parse_replacement("", lit, acc), do: Enum.reverse(push_lit(lit, acc))
  defp parse_replacement("&" <> rest, lit, acc), do: parse_replacement(rest, "", [0 | push_lit(lit, acc)])
  defp parse_replacement("\\g{" <> rest, lit, acc) do
    case Integer.parse(rest) do
      {n, "}" <> rest2} -> parse_replacement(rest2, "", [n | push_lit(lit, acc)])
      _ -> parse_replacement(rest, lit <> "\\g{", acc)
    end
  end
  defp parse_replacement("\\g" <> rest, lit, acc), do: group_ref(rest, lit, acc, "\\g")
  defp parse_replacement("\\0" <> rest, lit, acc), do: parse_replacement(rest, lit <> "0", acc)
  defp parse_replacement(<<?\\, d, _::binary>> = s, lit, acc) when d in ?1..?9,
    do: group_ref(binary_part(s, 1, byte_size(s) - 1), lit, acc, "\\")
  defp parse_replacement(<<?\\, c, rest::binary>>, lit, acc), do: parse_replacement(rest, lit <> <<c>>, acc)
  defp parse_replacement(<<c, rest::binary>>, lit, acc), do: parse_replacement(rest, lit <> <<c>>, acc)

  defp group_ref(s, lit, acc, prefix) do
    case Integer.parse(s) do
      {n, rest} when n >= 0 ->
        if String.starts_with?(s, ["+", "-"]),
          do: parse_replacement(s, lit <> prefix, acc),
          else: parse_replacement(rest, "", [n | push_lit(lit, acc)])
      _ -> parse_replacement(s, lit <> prefix, acc)
    end
  end

  defp push_lit("", acc), do: acc
  defp push_lit(lit, acc), do: [lit | acc]

  defp expand([lit], _groups, _bin) when is_binary(lit), do: lit

  defp expand(rep, groups, bin) do
    Enum.map(rep, fn
      n when is_integer(n) ->
        case group(groups, n) do
          {-1, 0} -> ""
          {s, l} -> binary_part(bin, s, l)
        end
      lit -> lit
    end)
  end

  # ==== split ====

  def split(subject, re), do: split(subject, re, [])

  def split(subject, re, options) do
    {pattern, rest} = pattern_and_options(re, options, 3)
    {bin, _} = subject_binary(subject, pattern)
    {return, rest} = take_return(rest, :iodata, 3)
    {limit, rest} = take_parts(rest)
    {group?, rest} = take_flag(rest, :group)
    {trim?, rest} = take_flag(rest, :trim)
    opts = run_options([:global | rest], 3)
    ncap = elem(pattern, 1)
    parts =
      case exec(pattern, bin, opts) do
        matches when is_list(matches) -> split_parts(bin, 0, matches, ncap, limit)
        _ -> [[bin]]
      end
    parts = if trim?, do: trim_parts(parts), else: parts
    parts = if group?, do: parts, else: Enum.concat(parts)
    Enum.map(parts, fn
      p when group? -> Enum.map(p, &convert_result(&1, split_return(return)))
      p -> convert_result(p, split_return(return))
    end)
  end

  defp split_return(:iodata), do: :binary
  defp split_return(r), do: r

  defp take_parts(options) do
    case List.keytake(options, :parts, 0) do
      {{:parts, :infinity}, rest} -> {-1, rest}
      {{:parts, n}, rest} when is_integer(n) and n > 0 -> {n, rest}
      {{:parts, 0}, rest} -> {-1, rest}
      {_, _} -> raise ArgumentError, bad_arg(3, "invalid options")
      nil -> {-1, options}
    end
  end

  defp take_flag(options, flag) do
    if flag in options, do: {true, List.delete(options, flag)}, else: {false, options}
  end

  # Each part with the groups captured by the match that ended it (Erlang's rule: an empty
  # match where the previous part ended does not split).
  defp split_parts(bin, off, _matches, _ncap, 1), do: [[binary_part(bin, off, byte_size(bin) - off)]]
  defp split_parts(bin, off, [], _ncap, _limit), do: [[binary_part(bin, off, byte_size(bin) - off)]]
  defp split_parts(bin, off, [[{s, 0} | _] | t], ncap, limit) when s == off,
    do: split_parts(bin, off, t, ncap, limit)
  defp split_parts(bin, off, [[{s, l} | subs] | t], ncap, limit) do
    subs = Enum.map(Enum.take(subs ++ List.duplicate({-1, 0}, ncap), ncap), fn
      {-1, 0} -> ""
      {gs, gl} -> binary_part(bin, gs, gl)
    end)
    [[binary_part(bin, off, s - off) | subs] | split_parts(bin, s + l, t, ncap, limit - 1)]
  end

  defp trim_parts(parts) do
    parts |> Enum.reverse() |> Enum.drop_while(fn p -> Enum.all?(p, &(&1 == "")) end) |> Enum.reverse()
  end
end
