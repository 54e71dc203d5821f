# Regex on :re (stdlib/erlang_re.ex), as Elixir 1.14 builds it: a %Regex{} holds the source,
# the options as given ("imsxufU" or a list), the pattern term and PCRE's version. ~r literals
# are built by the compiler (checked at compile time, compiled once per VM on first use).
defmodule Regex.CompileError do
  defexception message: "regex could not be compiled"
end

defmodule Regex do
  defstruct re_pattern: nil, source: "", opts: "", re_version: ""

  def version, do: {:re.version(), :little}

  def compile(source, options \\ "")

  def compile(source, options) when is_binary(source) and is_binary(options) do
    case :ember_re.modifiers(options) do
      {:error, rest} -> {:error, {:invalid_option, rest}}
      flags -> build(source, :ember_re.compile(source, flags), options)
    end
  end

  def compile(source, options) when is_binary(source) and is_list(options) do
    build(source, :re.compile(source, options), options)
  end

  defp build(source, {:ok, pattern}, opts) do
    {:ok, %Regex{re_pattern: pattern, source: source, opts: opts, re_version: version()}}
  end

  defp build(_source, error, _opts), do: error

  def compile!(source, options \\ "") when is_binary(source) do
    case compile(source, options) do
      {:ok, regex} -> regex
      {:error, {reason, at}} -> raise Regex.CompileError, "#{reason} at position #{at}"
    end
  end

  def recompile(%Regex{} = regex), do: {:ok, regex}
  def recompile!(%Regex{} = regex), do: regex

  def regex?(%Regex{}), do: true
  def regex?(_), do: false

  def source(%Regex{source: source}), do: source
  def opts(%Regex{opts: opts}), do: opts

  def names(%Regex{re_pattern: pattern}) do
    {:namelist, names} = :re.inspect(pattern, :namelist)
    names
  end

  # The common calls go straight to :ember_re.exec (EXEC_BINARIES = 0x100: groups come back
  # as binaries); everything else goes through :re.run and its option handling.
  @exec_binaries 0x100

  def match?(%Regex{re_pattern: compiled, re_version: vsn} = regex, string)
      when is_binary(string) do
    if vsn == version(),
      do: is_list(:ember_re.exec(compiled, string, 0, 0, false, nil)),
      else: safe_run(regex, string, [{:capture, :none}]) == :match
  end

  defp current?(%Regex{re_version: vsn}), do: vsn == version()

  defp scan_all(compiled, string, resume) do
    case :ember_re.exec(compiled, string, 0, @exec_binaries, true, resume) do
      {rev, nil} -> :lists.reverse(rev)
      {rev, {at, empty}} -> scan_all(compiled, string, {at, empty, rev})
      {:error, _} -> []
    end
  end

  # As in Elixir: a regex made by another PCRE version (here: any struct whose re_version is
  # not ours, such as a hand-built %Regex{}) is recompiled from its source.
  defp safe_run(%Regex{re_pattern: compiled, source: source, re_version: vsn, opts: opts}, string,
                options) do
    if vsn == version(),
      do: :re.run(string, compiled, options),
      else: :re.run(string, source, translate(opts) ++ options)
  end

  defp pattern_of(%Regex{re_pattern: compiled, source: source, re_version: vsn, opts: opts}) do
    if vsn == version() do
      compiled
    else
      case :re.compile(source, translate(opts)) do
        {:ok, pattern} -> pattern
        {:error, _} -> compiled
      end
    end
  end

  defp translate(opts) when is_list(opts), do: opts

  defp translate(opts) when is_binary(opts) do
    opts
    |> String.to_charlist()
    |> Enum.flat_map(fn
      ?u -> [:unicode, :ucp]
      ?i -> [:caseless]
      ?x -> [:extended]
      ?f -> [:firstline]
      ?U -> [:ungreedy]
      ?s -> [:dotall, {:newline, :anycrlf}]
      ?m -> [:multiline]
      _ -> []
    end)
  end

  def run(regex, string, options \\ [])

  def run(%Regex{re_pattern: compiled} = regex, string, []) when is_binary(string) do
    if current?(regex) do
      case :ember_re.exec(compiled, string, 0, @exec_binaries, false, nil) do
        groups when is_list(groups) -> groups
        _ -> nil
      end
    else
      run(regex, string, [{:return, :binary}])
    end
  end

  def run(%Regex{} = regex, string, options) when is_binary(string) do
    return = Keyword.get(options, :return, :binary)
    captures = captures(regex, Keyword.get(options, :capture, :all))
    offset = Keyword.get(options, :offset, 0)
    case safe_run(regex, string, [{:capture, captures, return}, {:offset, offset}]) do
      :nomatch -> nil
      :match -> []
      {:match, results} -> results
    end
  end

  defp captures(regex, :all_names), do: names(regex)
  defp captures(_regex, other), do: other

  def named_captures(regex, string, options \\ []) when is_binary(string) do
    names = names(regex)
    case run(regex, string, Keyword.put(options, :capture, names)) do
      nil -> nil
      results -> Map.new(Enum.zip(names, results))
    end
  end

  def scan(regex, string, options \\ [])

  def scan(%Regex{re_pattern: compiled} = regex, string, []) when is_binary(string) do
    if current?(regex),
      do: scan_all(compiled, string, nil),
      else: scan(regex, string, [{:return, :binary}])
  end

  def scan(%Regex{} = regex, string, options) when is_binary(string) do
    return = Keyword.get(options, :return, :binary)
    captures = captures(regex, Keyword.get(options, :capture, :all))
    offset = Keyword.get(options, :offset, 0)
    opts = [{:capture, captures, return}, :global, {:offset, offset}]
    case safe_run(regex, string, opts) do
      :match -> []
      :nomatch -> []
      {:match, results} -> results
    end
  end

  def escape(string) when is_binary(string) do
    string
    |> :binary.bin_to_list()
    |> Enum.map(fn c -> if c in '.^$*+?()[]{}|#-\\ \t\n\v\f\r', do: [?\\, c], else: c end)
    |> IO.iodata_to_binary()
  end

  # ==== split ====

  def split(regex, string, opts \\ [])

  def split(%Regex{}, "", opts) when is_list(opts) do
    if Keyword.get(opts, :trim, false), do: [], else: [""]
  end

  def split(%Regex{} = regex, string, opts) when is_binary(string) and is_list(opts) do
    on = Keyword.get(opts, :on, :first)
    case safe_run(regex, string, [:global, {:capture, on}]) do
      {:match, matches} ->
        index = parts_to_index(Keyword.get(opts, :parts, :infinity))
        trim = Keyword.get(opts, :trim, false)
        include_captures = Keyword.get(opts, :include_captures, false)
        do_split(matches, string, 0, index, trim, include_captures)

      :match ->
        [string]

      :nomatch ->
        [string]
    end
  end

  defp parts_to_index(:infinity), do: 0
  defp parts_to_index(n) when is_integer(n) and n > 0, do: n

  defp do_split(_, string, offset, _counter, true, _with_captures)
       when byte_size(string) <= offset,
       do: []

  defp do_split(_, string, offset, 1, _trim, _with_captures),
    do: [binary_part(string, offset, byte_size(string) - offset)]

  defp do_split([], string, offset, _counter, _trim, _with_captures),
    do: [binary_part(string, offset, byte_size(string) - offset)]

  defp do_split([[{pos, _} | h] | t], string, offset, counter, trim, with_captures)
       when pos - offset < 0,
       do: do_split([h | t], string, offset, counter, trim, with_captures)

  defp do_split([[] | t], string, offset, counter, trim, with_captures),
    do: do_split(t, string, offset, counter, trim, with_captures)

  defp do_split([[{pos, length} | h] | t], string, offset, counter, trim, with_captures) do
    new_offset = pos + length
    keep = pos - offset
    part = binary_part(string, offset, keep)
    match = binary_part(string, pos, length)
    rest = do_split([h | t], string, new_offset, counter - 1, trim, with_captures)
    cond do
      keep == 0 and trim -> do_split([h | t], string, new_offset, counter, trim, with_captures)
      with_captures -> [part, match | rest]
      true -> [part | rest]
    end
  end

  # ==== replace ====

  def replace(%Regex{} = regex, string, replacement, options \\ [])
      when is_binary(string) and is_list(options) do
    global = Keyword.get(options, :global) != false
    pattern = pattern_of(regex)
    case precompile_replacement(replacement) do
      pieces when is_list(pieces) -> replace_in_c(pattern, string, pieces, global, nil, [])
      fun -> replace_with_fun(pattern, string, fun, global)
    end
  end

  # A replacement text is applied by :ember_re.replace, in pieces for a large subject.
  defp replace_in_c(pattern, string, pieces, global, resume, acc) do
    case :ember_re.replace(pattern, string, pieces, global, resume) do
      {out, nil} when acc == [] -> out
      {out, nil} -> IO.iodata_to_binary(Enum.reverse([out | acc]))
      {out, next} -> replace_in_c(pattern, string, pieces, global, next, [out | acc])
    end
  end

  defp replace_with_fun(pattern, string, fun, global) do
    opts = if global, do: [:global], else: []
    case :re.run(string, pattern, [{:capture, :all, :index} | opts]) do
      :nomatch ->
        string

      {:match, [first | _] = matches} when is_list(first) ->
        apply_list(string, fun, matches) |> IO.iodata_to_binary()

      {:match, groups} ->
        apply_list(string, fun, [groups]) |> IO.iodata_to_binary()
    end
  end

  defp precompile_replacement(fun) when is_function(fun) do
    {:arity, arity} = Function.info(fun, :arity)
    {fun, arity}
  end

  defp precompile_replacement(replacement) when is_binary(replacement), do: parse(replacement, "", [])

  defp parse("", lit, acc), do: Enum.reverse(push(lit, acc))

  defp parse("\\g{" <> rest, lit, acc) do
    case Integer.parse(rest) do
      {n, "}" <> rest2} when n >= 0 -> parse(rest2, "", [n | push(lit, acc)])
      _ -> parse(rest, lit <> "\\g{", acc)
    end
  end

  defp parse("\\\\" <> rest, lit, acc), do: parse(rest, lit <> "\\", acc)

  defp parse(<<?\\, d, rest::binary>>, lit, acc) when d in ?0..?9 do
    {digits, rest2} = take_digits(rest, [d])
    parse(rest2, "", [List.to_integer(digits) | push(lit, acc)])
  end

  defp parse(<<c, rest::binary>>, lit, acc), do: parse(rest, lit <> <<c>>, acc)

  defp take_digits(<<d, rest::binary>>, acc) when d in ?0..?9, do: take_digits(rest, [d | acc])
  defp take_digits(rest, acc), do: {Enum.reverse(acc), rest}

  defp push("", acc), do: acc
  defp push(lit, acc), do: [lit | acc]

  defp apply_list(string, repl, matches), do: apply_list(string, repl, matches, 0, [])

  defp apply_list(string, _repl, [], offset, acc) do
    Enum.reverse([binary_part(string, offset, byte_size(string) - offset) | acc])
  end

  defp apply_list(string, repl, [[{pos, len} | _] = groups | t], offset, acc) do
    pre = binary_part(string, offset, pos - offset)
    apply_list(string, repl, t, pos + len, [expand(string, repl, groups), pre | acc])
  end

  defp expand(string, {fun, arity}, groups) do
    args = Enum.map(0..(arity - 1)//1, fn n -> group_text(string, Enum.at(groups, n)) end)
    apply(fun, args)
  end

  defp group_text(_string, nil), do: ""
  defp group_text(_string, {-1, _}), do: ""
  defp group_text(string, {pos, len}), do: binary_part(string, pos, len)
end
