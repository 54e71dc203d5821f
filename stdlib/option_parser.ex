# OptionParser as in Elixir 1.14: parse/parse!/parse_head/parse_head!/next over argv with
# :switches or :strict types (:boolean :count :integer :float :string, :keep), :aliases,
# --no- negation, "-abc" alias groups and "--" ending options; split/1 (shell-like words) and
# to_argv/2. Errors come back as {option, value} pairs, or raise OptionParser.ParseError with
# Elixir's messages (including its "Did you mean" hint). Option names become atoms only when
# the atom exists, unless allow_nonexistent_atoms: true. Deprecation warnings go to stderr as
# "warning: ..." lines (without Elixir's stacktrace lines).
defmodule OptionParser.ParseError do
  defexception [:message]
end

defmodule OptionParser do
  def parse(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    run(argv, config(opts), true)
  end

  def parse!(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    raise_errors(parse(argv, opts), opts)
  end

  def parse_head(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    run(argv, config(opts), false)
  end

  def parse_head!(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    raise_errors(parse_head(argv, opts), opts)
  end

  def next(argv, opts \\ []) when is_list(argv) and is_list(opts) do
    next_option(argv, config(opts))
  end

  defp raise_errors({parsed, args, []}, _opts), do: {parsed, args}

  defp raise_errors({_, _, errors}, opts),
    do: raise(OptionParser.ParseError, error_text(errors, opts))

  # ==== The parsing loop ====

  # [all?]: keep going past arguments (parse) or stop at the first one (parse_head).
  defp run(argv, config, all?), do: run(argv, config, all?, [], [], [])

  defp run([], _config, _all?, parsed, args, errors), do: finish(parsed, args, [], errors)

  defp run(argv, config, all?, parsed, args, errors) do
    case next_option(argv, config) do
      {:ok, key, value, rest} ->
        kinds = List.wrap(Keyword.get(config.switches, key))
        run(rest, config, all?, store(parsed, key, value, kinds), args, errors)

      {:invalid, option, value, rest} ->
        run(rest, config, all?, parsed, args, [{option, value} | errors])

      {:undefined, option, _value, rest} ->
        errors = if config.strict?, do: [{option, nil} | errors], else: errors
        run(rest, config, all?, parsed, args, errors)

      {:error, ["--" | rest]} ->
        finish(parsed, args, rest, errors)

      {:error, [arg | rest]} when all? ->
        run(rest, config, all?, parsed, [arg | args], errors)

      {:error, remaining} ->
        finish(parsed, args, remaining, errors)
    end
  end

  defp finish(parsed, args, rest, errors),
    do: {:lists.reverse(parsed), :lists.reverse(args, rest), :lists.reverse(errors)}

  defp store(parsed, key, value, kinds) do
    cond do
      :count in kinds -> Keyword.update(parsed, key, value, &(&1 + 1))
      :keep in kinds -> [{key, value} | parsed]
      true -> [{key, value} | Keyword.delete(parsed, key)]
    end
  end

  # ==== One option ====

  defp next_option([], _config), do: {:error, []}
  defp next_option(["--" | _] = argv, _config), do: {:error, argv}
  defp next_option(["-" | _] = argv, _config), do: {:error, argv}
  defp next_option(["- " <> _ | _] = argv, _config), do: {:error, argv}

  defp next_option(["--" <> text | rest], config) do
    {name, value} = split_value(text)

    if String.contains?(name, "_") do
      {:undefined, "--" <> name, value, rest}
    else
      resolve(long_key(name, config), value, "--" <> name, rest, config)
    end
  end

  defp next_option(["-" <> text | rest] = argv, config) do
    {name, value} = split_value(text)
    original = "-" <> name

    cond do
      value == nil and starts_with_digit?(name) ->
        {:error, argv}

      String.contains?(name, ["-", "_"]) ->
        {:undefined, original, value, rest}

      String.length(name) == 1 ->
        resolve(alias_key(name, config), value, original, rest, config)

      true ->
        key = option_key(name, config.allow_atoms?)
        target = key && Keyword.get(config.aliases, key)

        if target do
          warn("multi-letter aliases are deprecated, got: #{inspect(key)}")
          resolve({:default, target}, value, original, rest, config)
        else
          next_option(expand_group(name, value) ++ rest, config)
        end
    end
  end

  defp next_option(argv, _config), do: {:error, argv}

  # [tagged] is :unknown, {:default, key} or {:negated, key} (from --no-key).
  defp resolve(:unknown, value, original, rest, _config) do
    {value, _kinds, rest} = take_value(value, [], rest)
    {:undefined, original, value, rest}
  end

  defp resolve({tag, key}, value, original, rest, config) do
    if config.strict? and not Keyword.has_key?(config.switches, key) do
      {:undefined, original, value, rest}
    else
      kinds = List.wrap(Keyword.get(config.switches, key))

      {kinds, value} =
        case tag do
          :negated when value != nil -> {[:invalid], value}
          :negated -> {kinds, false}
          :default -> {kinds, value}
        end

      {value, kinds, rest} = take_value(value, kinds, rest)

      case check_value(value, kinds) do
        {:ok, checked} -> {:ok, key, checked, rest}
        :invalid -> {:invalid, original, value, rest}
      end
    end
  end

  # An option without "=value" takes the next argument as its value when its type needs one.
  defp take_value(nil, kinds, rest) do
    cond do
      :boolean in kinds -> {true, kinds, rest}
      :count in kinds -> {nil, kinds, rest}
      value_next?(rest) -> {hd(rest), kinds, tl(rest)}
      kinds == [] -> {true, kinds, rest}
      true -> {nil, [:invalid], rest}
    end
  end

  defp take_value(value, kinds, rest), do: {value, kinds, rest}

  defp value_next?(["-" | _]), do: true
  defp value_next?(["- " <> _ | _]), do: true
  defp value_next?(["-" <> arg | _]), do: starts_with_digit?(arg)
  defp value_next?([]), do: false
  defp value_next?(_), do: true

  defp check_value(value, kinds) do
    cond do
      :invalid in kinds -> :invalid
      :boolean in kinds -> check_boolean(value)
      :count in kinds -> if value == nil, do: {:ok, 1}, else: :invalid
      :integer in kinds -> check_parsed(Integer.parse(value))
      :float in kinds -> check_parsed(Float.parse(value))
      true -> {:ok, value}
    end
  end

  defp check_boolean(value) when value in [true, "true"], do: {:ok, true}
  defp check_boolean(value) when value in [false, "false"], do: {:ok, false}
  defp check_boolean(_value), do: :invalid

  defp check_parsed({number, ""}), do: {:ok, number}
  defp check_parsed(_), do: :invalid

  defp long_key("no-" <> name = original, config) do
    negated = option_key(name, config.allow_atoms?)

    cond do
      negated && :boolean in List.wrap(Keyword.get(config.switches, negated)) ->
        {:negated, negated}

      key = option_key(original, config.allow_atoms?) ->
        {:default, key}

      true ->
        :unknown
    end
  end

  defp long_key(name, config) do
    case option_key(name, config.allow_atoms?) do
      nil -> :unknown
      key -> {:default, key}
    end
  end

  defp alias_key(letter, config) do
    case existing_atom(letter, config.allow_atoms?) do
      nil -> :unknown
      key -> if target = Keyword.get(config.aliases, key), do: {:default, target}, else: :unknown
    end
  end

  # "-abc" is "-a -b -c"; digits at the end ("-n2") become the last one's value.
  defp expand_group(name, value) do
    {letters, digits} = Enum.split_while(String.to_charlist(name), &(&1 not in ?0..?9))
    options = Enum.map(String.graphemes(List.to_string(letters)), &("-" <> &1))
    {first, [last]} = Enum.split(options, -1)
    suffix = if(digits != [], do: "=#{digits}", else: "") <> if(value, do: "=#{value}", else: "")
    first ++ [last <> suffix]
  end

  defp split_value(text) do
    case :binary.split(text, "=") do
      [name] -> {name, nil}
      [name, value] -> {name, value}
    end
  end

  defp option_key(name, allow_atoms?),
    do: existing_atom(String.replace(name, "-", "_"), allow_atoms?)

  defp existing_atom(text, true), do: String.to_atom(text)

  defp existing_atom(text, false) do
    try do
      String.to_existing_atom(text)
    rescue
      ArgumentError -> nil
    end
  end

  defp starts_with_digit?(<<c, _::binary>>) when c in ?0..?9, do: true
  defp starts_with_digit?(_), do: false

  # ==== Configuration ====

  defp config(opts) do
    switches = Keyword.get(opts, :switches)
    strict = Keyword.get(opts, :strict)

    {switches, strict?} =
      cond do
        switches && strict ->
          raise ArgumentError, ":switches and :strict cannot be given together"

        switches ->
          check_switches(switches)
          {switches, false}

        strict ->
          check_switches(strict)
          {strict, true}

        true ->
          warn("not passing the :switches or :strict option to OptionParser is deprecated")
          {[], false}
      end

    %{
      aliases: Keyword.get(opts, :aliases) || [],
      allow_atoms?: Keyword.get(opts, :allow_nonexistent_atoms) || false,
      strict?: strict?,
      switches: switches
    }
  end

  defp check_switches(switches) do
    Enum.each(switches, fn {_name, types} ->
      case List.wrap(types) -- [:boolean, :count, :integer, :float, :string, :keep] do
        [] ->
          :ok

        bad ->
          raise ArgumentError,
                "invalid switch types/modifiers: " <> Enum.map_join(bad, ", ", &inspect/1)
      end
    end)
  end

  defp warn(message), do: IO.puts(:stderr, "warning: " <> message)

  # ==== Error messages ====

  defp error_text(errors, opts) do
    types = Keyword.get(opts, :switches) || Keyword.get(opts, :strict)
    count = length(errors)

    "#{count} #{if count == 1, do: "error", else: "errors"} found!\n" <>
      Enum.map_join(errors, "\n", &error_line(&1, opts, types))
  end

  defp error_line({option, nil}, opts, types) do
    case type_of(option, opts, types) do
      nil ->
        case closest(option, types) do
          {similar, score} when score > 0.8 ->
            "#{option} : Unknown option. Did you mean --#{similar}?"

          _ ->
            "#{option} : Unknown option"
        end

      type ->
        "#{option} : Missing argument of type #{type}"
    end
  end

  defp error_line({option, value}, opts, types) do
    "#{option} : Expected type #{type_of(option, opts, types)}, got #{inspect(value)}"
  end

  defp type_of(option, opts, types) do
    allow_atoms? = Keyword.get(opts, :allow_nonexistent_atoms) || false
    key = option_key(String.trim_leading(option, "-"), allow_atoms?)
    aliases = Keyword.get(opts, :aliases) || []

    case key && Keyword.get(aliases, key) do
      nil -> types[key]
      target -> types[target]
    end
  end

  # The switch most like [option] by Jaro distance (a later one wins a tie).
  defp closest(option, types) do
    wanted = option |> String.trim_leading("-") |> String.replace("-", "_")

    Enum.reduce(types, {nil, 0}, fn {name, _}, {_, best} = acc ->
      text = Atom.to_string(name)
      score = String.jaro_distance(text, wanted)
      if score < best, do: acc, else: {String.replace(text, "_", "-"), score}
    end)
  end

  # ==== to_argv/2 and split/1 ====

  def to_argv(enum, options \\ []) do
    switches = Keyword.get(options, :switches, [])

    Enum.flat_map(enum, fn
      {_key, nil} -> []
      {key, true} -> [to_switch(key, "--")]
      {key, false} -> [to_switch(key, "--no-")]
      {key, value} -> value_argv(key, value, switches)
    end)
  end

  defp value_argv(key, value, switches) do
    if switches[key] == :count do
      List.duplicate(to_switch(key, "--"), value)
    else
      [to_switch(key, "--"), Kernel.to_string(value)]
    end
  end

  defp to_switch(key, prefix) when is_atom(key),
    do: prefix <> String.replace(Atom.to_string(key), "_", "-")

  def split(string) when is_binary(string) do
    words(String.trim_leading(string, " "), [], [], nil)
  end

  # [word] is the current word as reversed iodata, [quote] the open quote character or nil.
  defp words(<<?\\, q, rest::binary>>, word, acc, q), do: words(rest, [q | word], acc, q)

  defp words(<<q, rest::binary>>, word, acc, nil) when q in [?", ?'],
    do: words(rest, word, acc, q)

  defp words(<<q, rest::binary>>, word, acc, q), do: words(rest, word, acc, nil)

  defp words(<<?\\, c, rest::binary>>, word, acc, nil) when c in [?\s, ?', ?"],
    do: words(rest, [c | word], acc, nil)

  defp words(<<?\s, rest::binary>>, word, acc, nil),
    do: words(String.trim_leading(rest, " "), [], [word_text(word) | acc], nil)

  defp words(<<c, rest::binary>>, word, acc, q), do: words(rest, [c | word], acc, q)
  defp words(<<>>, [], acc, nil), do: :lists.reverse(acc)
  defp words(<<>>, word, acc, nil), do: :lists.reverse([word_text(word) | acc])

  defp words(<<>>, _word, _acc, q) do
    raise "argv string did not terminate properly, a #{<<q>>} was opened but never closed"
  end

  defp word_text(word), do: IO.iodata_to_binary(:lists.reverse(word))
end
