# Path: file system paths as strings (Unix rules only), matching Elixir 1.14 and the OTP 25
# :filename functions it builds on. Only expand/absname/relative_to_cwd/safe_relative and
# wildcard touch the system (File.cwd!, System.get_env("HOME"), File.ls, File.dir?). Arguments
# may be chardata; results are binaries. Deviation: safe_relative_to/2 does not follow
# symbolic links as :filelib.safe_relative_path/2 does.
defmodule Path do
  def absname(path), do: absname(path, File.cwd!())

  def absname(path, relative_to) do
    path = IO.chardata_to_string(path)

    case type(path) do
      :relative -> absname_join(relative_to, path)
      :absolute -> absname_clean(path)
    end
  end

  def expand(path), do: expand_dot(absname(expand_home(path), File.cwd!()))

  def expand(path, relative_to) do
    expand_dot(absname(absname(expand_home(path), expand_home(relative_to)), File.cwd!()))
  end

  def type(name) when is_list(name) or is_binary(name) do
    elem(pathtype(name), 0)
  end

  def relative(name), do: IO.chardata_to_string(elem(pathtype(name), 1))

  def relative_to(path, from) do
    path = IO.chardata_to_string(path)
    relative_to(split(path), split(from), path)
  end

  def relative_to_cwd(path) do
    case File.cwd() do
      {:ok, base} -> relative_to(path, base)
      _ -> path
    end
  end

  def basename(path) do
    case last_part(String.split(IO.chardata_to_string(path), "/"), "") do
      nil -> ""
      part -> part
    end
  end

  def basename(path, extension) do
    path = IO.chardata_to_string(path)
    extension = IO.chardata_to_string(extension)
    base = basename(path)
    keep = byte_size(base) - byte_size(extension)

    if keep >= 0 and String.ends_with?(path, extension) do
      binary_part(base, 0, keep)
    else
      base
    end
  end

  def dirname(path) do
    parts = String.split(IO.chardata_to_string(path), "/")

    case strip_empty(tl(:lists.reverse(parts))) do
      [] -> "."
      reversed -> dirjoin(:lists.reverse(reversed))
    end
  end

  def extname(path) do
    path = IO.chardata_to_string(path)

    case last_dot(path) do
      nil -> ""
      pos -> if dot_starts_extension?(path, pos) and pos > 0, do: tail(path, pos), else: ""
    end
  end

  # Erlang strips a leading dot (".bashrc" has rootname ""), but not one after a slash.
  def rootname(path) do
    path = IO.chardata_to_string(path)

    case last_dot(path) do
      nil -> path
      pos -> if dot_starts_extension?(path, pos), do: binary_part(path, 0, pos), else: path
    end
  end

  def rootname(path, extension) do
    path = IO.chardata_to_string(path)
    extension = IO.chardata_to_string(extension)

    keep = byte_size(path) - byte_size(extension)

    if String.ends_with?(path, extension) and (keep == 0 or :binary.at(path, keep - 1) != ?/) do
      binary_part(path, 0, keep)
    else
      path
    end
  end

  def join([name1, name2 | rest]), do: join([join(name1, name2) | rest])
  def join([name]), do: IO.chardata_to_string(name)

  def join(left, right) do
    left = IO.chardata_to_string(left)

    joined =
      cond do
        right == "/" -> drop_trailing_slash(left)
        left == "" -> relative(right)
        left == "/" -> "/" <> relative(right)
        true -> drop_trailing_slash(left) <> "/" <> relative(right)
      end

    drop_trailing_slash(joined)
  end

  def split(path) do
    path = IO.chardata_to_string(path)
    parts = for part <- String.split(path, "/"), part != "", do: part

    case path do
      "/" <> _ -> ["/" | parts]
      _ -> parts
    end
  end

  def wildcard(glob, opts \\ []) when is_list(opts) do
    glob = IO.chardata_to_string(glob)

    if String.contains?(glob, <<0>>) do
      raise ArgumentError,
            "cannot execute Path.wildcard/2 for path with null byte, got: #{inspect(glob)}"
    end

    Ember.PathWildcard.expand(glob, Keyword.get(opts, :match_dot, false))
  end

  def safe_relative(path), do: safe_relative_to(path, File.cwd!())

  def safe_relative_to(path, _relative_to) do
    path = IO.chardata_to_string(path)

    case type(path) do
      :relative -> safe_segments(split(path), [])
      :absolute -> :error
    end
  end

  # ==== Helpers ====

  defp pathtype(path) when path in ["/", '/'], do: {:absolute, "."}
  defp pathtype("/" <> relative), do: {:absolute, relative}
  defp pathtype([?/ | relative]), do: {:absolute, relative}
  defp pathtype([list | rest]) when is_list(list), do: pathtype(list ++ rest)
  defp pathtype(relative), do: {:relative, relative}

  defp relative_to(path, path, _original), do: "."
  defp relative_to([h | t1], [h | t2], original), do: relative_to(t1, t2, original)
  defp relative_to([_ | _] = rest, [], _original), do: join(rest)
  defp relative_to(_, _, original), do: original

  # One trailing slash less (the root stays "/").
  defp drop_trailing_slash(""), do: ""
  defp drop_trailing_slash("/"), do: "/"

  defp drop_trailing_slash(path) do
    if :binary.last(path) == ?/, do: binary_part(path, 0, byte_size(path) - 1), else: path
  end

  # The last non-empty element of [parts], or nil.
  defp last_part([], last), do: last_or_nil(last)
  defp last_part(["" | rest], last), do: last_part(rest, last)
  defp last_part([part | rest], _last), do: last_part(rest, part)
  defp last_or_nil(""), do: nil
  defp last_or_nil(part), do: part

  # Drops the empty parts at the head of reversed parts [parts] (trailing slashes), keeping one.
  defp strip_empty(["", x | rest]), do: strip_empty([x | rest])
  defp strip_empty(parts), do: parts

  defp dirjoin(["" | rest]), do: "/" <> Enum.join(rest, "/")
  defp dirjoin(parts), do: Enum.join(parts, "/")

  defp last_dot(path) do
    case :binary.matches(path, ".") do
      [] -> nil
      matches -> elem(List.last(matches), 0)
    end
  end

  # True unless a slash follows the dot at byte [pos] or comes just before it.
  defp dot_starts_extension?(path, pos) do
    not String.contains?(tail(path, pos), "/") and (pos == 0 or :binary.at(path, pos - 1) != ?/)
  end

  defp tail(bin, pos), do: binary_part(bin, pos, byte_size(bin) - pos)

  # :filename's absname_join: [base] then [path] copied byte by byte into the reversed charlist
  # [out], where a "/" after "/" is dropped and a "/" after "/." drops the "."; between the two
  # parts a "/" is added unless [out] ends with one. No trailing slash, except the root. As
  # in Elixir, the joined result goes through the same pass once more on its own.
  defp absname_join(base, path),
    do: absname_clean(glue(IO.chardata_to_string(base), relative(path), []))

  defp absname_clean(path), do: glue(path, "", [])

  defp glue(<<?/, rest::binary>>, next, [?., ?/ | out]), do: glue(rest, next, [?/ | out])
  defp glue(<<?/, rest::binary>>, next, [?/ | _] = out), do: glue(rest, next, out)
  defp glue(<<c, rest::binary>>, next, out), do: glue(rest, next, [c | out])
  defp glue(<<>>, "", [?/]), do: "/"
  defp glue(<<>>, "", [?/ | out]), do: IO.iodata_to_binary(:lists.reverse(out))
  defp glue(<<>>, "", out), do: IO.iodata_to_binary(:lists.reverse(out))
  defp glue(<<>>, next, [?/ | _] = out), do: glue(next, "", out)
  defp glue(<<>>, next, out), do: glue(next, "", [?/ | out])

  defp expand_home(path) do
    case IO.chardata_to_string(path) do
      "~" -> user_home()
      "~/" <> _ = rest -> user_home() <> binary_part(rest, 1, byte_size(rest) - 1)
      rest -> rest
    end
  end

  defp user_home() do
    case System.get_env("HOME") do
      nil ->
        raise RuntimeError,
              "could not find the user home, please set the HOME environment variable"

      home ->
        home
    end
  end

  # Resolves "." and ".." segments (".." at the top stays at the top).
  defp expand_dot("/" <> rest), do: "/" <> resolve_dots(rest)
  defp expand_dot(path), do: resolve_dots(path)

  defp resolve_dots(path) do
    path
    |> :binary.split("/", [:global])
    |> Enum.reduce([], fn
      "..", [_ | kept] -> kept
      "..", [] -> []
      ".", kept -> kept
      segment, kept -> [segment | kept]
    end)
    |> Enum.reverse()
    |> Enum.join("/")
  end

  # :filename.safe_relative_path/1: resolves "." and ".." without leaving the start.
  defp safe_segments([], acc), do: {:ok, Enum.join(:lists.reverse(acc), "/")}
  defp safe_segments(["." | rest], acc), do: safe_segments(rest, acc)
  defp safe_segments([".." | _], []), do: :error
  defp safe_segments([".." | rest], [_ | acc]), do: safe_segments(rest, acc)
  defp safe_segments([segment | rest], acc), do: safe_segments(rest, [segment | acc])
end

# Path.wildcard/2: OTP 25's :filelib.wildcard/2 rules on top of File.ls. The leading parts of
# the glob without wildcard characters form a root; each later part is compiled to a list of
# tokens (characters, :question, :star, :accept for a final "*", {:one_of, chars},
# {:alt, alternatives}) and matched against directory entries, as charlists. "**" walks every
# directory below. Entries that start with a dot are skipped unless match_dot is set. The
# result is sorted. A backslash makes the next character literal.
defmodule Ember.PathWildcard do
  def expand(glob, match_dot) do
    case split_glob(glob) do
      [] ->
        raise MatchError, term: []

      ["/" | parts] ->
        walk_literal(parts, "/", match_dot)

      parts ->
        walk_literal(parts, nil, match_dot)
    end
    |> Enum.sort()
  end

  # Leading literal parts join into the root; the first wildcard part starts matching.
  defp walk_literal([], root, _match_dot) do
    if File.exists?(root), do: [root], else: []
  end

  # As filename:join, a "." part only counts at the end.
  defp walk_literal(["." | [_ | _] = rest], root, match_dot),
    do: walk_literal(rest, root, match_dot)

  defp walk_literal([part | rest] = parts, root, match_dot) do
    chars = unescape_chars(String.to_charlist(part))

    case compile(chars) do
      ^chars ->
        walk_literal(rest, join(root, List.to_string(chars)), match_dot)

      _ ->
        walk(
          [root],
          Enum.map(parts, &compile(unescape_chars(String.to_charlist(&1)))),
          match_dot,
          []
        )
    end
  end

  defp walk([], _patterns, _match_dot, acc), do: acc

  defp walk([base | bases], patterns, match_dot, acc),
    do: walk(bases, patterns, match_dot, step(base, patterns, match_dot, acc))

  defp step(base, [], _match_dot, acc), do: [base | acc]

  defp step(base, [[:double_star] | rest], match_dot, acc),
    do: double_star(base, rest, match_dot, acc)

  defp step(base, [pattern | rest], match_dot, acc) do
    case list_dir(base, match_dot) do
      {:ok, names} ->
        matches =
          for name <- names, matches?(pattern, String.to_charlist(name)), do: join(base, name)

        walk(matches, rest, match_dot, acc)

      _ ->
        acc
    end
  end

  # "**": [rest] matched from [base] itself (unless it ends the glob) and from every entry below.
  defp double_star(base, rest, match_dot, acc) do
    acc = if rest == [], do: acc, else: step(base, rest, match_dot, acc)
    below(base, rest, match_dot, acc)
  end

  defp below(dir, rest, match_dot, acc) do
    case list_dir(dir, match_dot) do
      {:ok, names} ->
        Enum.reduce(names, acc, fn name, acc ->
          full = join(dir, name)
          below(full, rest, match_dot, step(full, rest, match_dot, acc))
        end)

      _ ->
        acc
    end
  end

  defp list_dir(nil, match_dot), do: list_dir(".", match_dot)

  defp list_dir(dir, match_dot) do
    case File.ls(dir) do
      {:ok, names} when match_dot -> {:ok, names}
      {:ok, names} -> {:ok, Enum.reject(names, &String.starts_with?(&1, "."))}
      error -> error
    end
  end

  defp join(nil, name), do: name
  defp join("/", name), do: "/" <> name
  defp join(base, name), do: base <> "/" <> name

  # filename:split of the glob, keeping escaped characters with their backslash.
  defp split_glob(glob) do
    parts = for part <- String.split(glob, "/"), part != "", do: part
    if String.starts_with?(glob, "/"), do: ["/" | parts], else: parts
  end

  # Backslash escapes become {:escaped, char}.
  defp unescape_chars([?\\, c | rest]), do: [{:escaped, c} | unescape_chars(rest)]
  defp unescape_chars([?\\]), do: []
  defp unescape_chars([c | rest]), do: [c | unescape_chars(rest)]
  defp unescape_chars([]), do: []

  # ==== Compiling a part ====

  defp compile(chars), do: compile(chars, false, [])

  defp compile([], true, _acc), do: :erlang.error({:badpattern, :missing_delimiter})
  defp compile([?, | rest], true, acc), do: {:ok, ?,, :lists.reverse(acc), rest}
  defp compile([?} | rest], true, acc), do: {:ok, ?}, :lists.reverse(acc), rest}
  defp compile([?? | rest], upto, acc), do: compile(rest, upto, [:question | acc])
  defp compile([?*, ?*], upto, acc), do: compile([], upto, [:double_star | acc])
  defp compile([?*, ?* | rest], upto, acc), do: compile(rest, upto, [:star | acc])
  defp compile([?*], upto, acc), do: compile([], upto, [:accept | acc])
  defp compile([?* | rest], upto, acc), do: compile(rest, upto, [:star | acc])

  defp compile([?[ | rest], upto, acc) do
    case charset(rest) do
      {:ok, set, rest} -> compile(rest, upto, [set | acc])
      :error -> compile(rest, upto, [?[ | acc])
    end
  end

  defp compile([?{ | rest], upto, acc) do
    {:ok, alt} = alternatives(rest, [])
    :lists.reverse(acc, [alt])
  end

  defp compile([{:escaped, c} | rest], upto, acc), do: compile(rest, upto, [c | acc])
  defp compile([c | rest], upto, acc), do: compile(rest, upto, [c | acc])
  defp compile([], _upto, acc), do: :lists.reverse(acc)

  defp charset([?] | rest]), do: charset(rest, [?]])
  defp charset([]), do: :error
  defp charset(chars), do: charset(chars, [])

  defp charset([lower, ?-, upper | rest], set)
       when is_integer(lower) and is_integer(upper) and lower <= upper,
       do: charset(rest, Enum.to_list(lower..upper) ++ set)

  defp charset([?] | rest], set), do: {:ok, {:one_of, set}, rest}
  defp charset([{:escaped, c} | rest], set), do: charset(rest, [c | set])
  defp charset([c | rest], set), do: charset(rest, [c | set])
  defp charset([], _set), do: :error

  defp alternatives(chars, acc) do
    case compile(chars, true, []) do
      {:ok, ?,, alt, rest} ->
        alternatives(rest, [alt | acc])

      {:ok, ?}, alt, rest} ->
        tail = compile(rest)
        {:ok, {:alt, for(a <- [alt | acc], do: a ++ tail)}}
    end
  end

  # ==== Matching a name (a charlist) ====

  defp matches?([:question | rest], [_ | name]), do: matches?(rest, name)
  defp matches?([:accept], _name), do: true
  defp matches?([:double_star], _name), do: true
  defp matches?([:star | rest], name), do: star?(rest, name)
  defp matches?([{:one_of, set} | rest], [c | name]), do: c in set and matches?(rest, name)
  defp matches?([{:alt, alts}], name), do: Enum.any?(alts, &matches?(&1, name))
  defp matches?([c | rest], [c | name]) when is_integer(c), do: matches?(rest, name)
  defp matches?([], []), do: true
  defp matches?(_pattern, _name), do: false

  defp star?(pattern, [_ | rest] = name), do: matches?(pattern, name) or star?(pattern, rest)
  defp star?(pattern, []), do: matches?(pattern, [])
end
