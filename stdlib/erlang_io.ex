# :io.format/1,2 and :io_lib.format/2 (Erlang's formatted output) in Ember: the control
# sequences ~p ~w (terms in Erlang syntax), ~s ~ts (text), ~n, ~d ~b ~B ~x ~X ~c ~f ~e ~g ~i ~~
# with an optional field width (negative: left-justified) and precision. ~p does not break
# long terms over several lines as Erlang does past 80 columns.
defmodule Ember.Erlang.Io_lib do
  def format(format, args) do
    chars = to_charlist(format)
    do_format(chars, args, [])
  end

  defp to_charlist(f) when is_binary(f), do: String.to_charlist(f)
  defp to_charlist(f) when is_atom(f), do: Atom.to_charlist(f)
  defp to_charlist(f) when is_list(f), do: f |> IO.chardata_to_string() |> String.to_charlist()

  defp do_format([], [], acc), do: :lists.reverse(acc)
  defp do_format([], _extra, _acc), do: raise(ArgumentError, "argument error")

  defp do_format([?~ | rest], args, acc) do
    {width, rest} = field(rest)
    {precision, rest} = precision(rest)
    {rest, unicode} = modifier(rest)
    [control | rest] = rest

    {text, args} =
      case {control, args} do
        {?p, [term | more]} -> {pad(term_text(term, true, unicode), width), more}
        {?w, [term | more]} -> {pad(term_text(term, false, unicode), width), more}
        _ -> directive(control, width, precision, args)
      end

    do_format(rest, args, [text | acc])
  end

  defp do_format([c | rest], args, acc), do: do_format(rest, args, [c | acc])

  defp field([?- | rest]) do
    {n, rest} = digits(rest, 0)
    {-n, rest}
  end

  defp field(rest) do
    case digits(rest, nil) do
      {nil, rest} -> {nil, rest}
      {n, rest} -> {n, rest}
    end
  end

  defp precision([?. | rest]), do: digits(rest, nil)
  defp precision(rest), do: {nil, rest}

  defp digits([d | rest], acc) when d in ?0..?9, do: digits(rest, (acc || 0) * 10 + d - ?0)
  defp digits(rest, acc), do: {acc, rest}

  defp modifier([?t | rest]), do: {rest, true}
  defp modifier([?l | rest]), do: {rest, false}
  defp modifier(rest), do: {rest, false}

  defp directive(?n, _w, _p, args), do: {[?\n], args}
  defp directive(?~, _w, _p, args), do: {[?~], args}
  defp directive(?i, _w, _p, [_ | args]), do: {[], args}

  defp directive(?s, w, p, [text | args]) do
    s = text_of(text)
    s = if p, do: String.slice(s, 0, p), else: s
    {pad(s, w), args}
  end

  defp directive(?d, w, _p, [n | args]) when is_integer(n), do: {pad(Integer.to_string(n), w), args}
  defp directive(?b, w, p, [n | args]) when is_integer(n), do: {pad(base(n, p || 10, true), w), args}
  defp directive(?B, w, p, [n | args]) when is_integer(n), do: {pad(base(n, p || 10, false), w), args}
  defp directive(?x, w, p, [n, prefix | args]), do: {pad(text_of(prefix) <> base(n, p || 10, true), w), args}
  defp directive(?X, w, p, [n, prefix | args]), do: {pad(text_of(prefix) <> base(n, p || 10, false), w), args}
  defp directive(?c, w, _p, [c | args]) when is_integer(c), do: {pad(<<c::utf8>>, w), args}

  defp directive(?f, w, p, [x | args]) when is_number(x) do
    {pad(:erlang.float_to_binary(x / 1, decimals: p || 6), w), args}
  end

  defp directive(?e, w, p, [x | args]) when is_number(x) do
    text = :erlang.float_to_binary(x / 1, scientific: max((p || 6) - 1, 0))
    [mantissa, exponent] = String.split(text, "e")
    {sign, digits} = String.split_at(exponent, 1)
    # Erlang writes the exponent without leading zeros: 1.23450e+3.
    {pad(mantissa <> "e" <> sign <> Integer.to_string(String.to_integer(digits)), w), args}
  end

  defp directive(?g, w, p, [x | args]) when is_number(x) do
    f = x / 1

    if abs(f) >= 0.1 and abs(f) < 10_000 or f == 0.0 do
      directive(?f, w, p, [f | args])
    else
      directive(?e, w, p, [f | args])
    end
  end

  defp directive(_control, _w, _p, _args), do: raise(ArgumentError, "argument error")

  defp base(n, b, lower) do
    s = Integer.to_string(n, b)
    if lower, do: String.downcase(s), else: s
  end

  defp pad(text, nil), do: text

  defp pad(text, w) when w < 0 do
    String.pad_trailing(text, -w)
  end

  defp pad(text, w), do: String.pad_leading(text, w)

  defp text_of(t) when is_binary(t), do: t
  defp text_of(t) when is_atom(t), do: Atom.to_string(t)
  defp text_of(t) when is_list(t), do: IO.chardata_to_string(t)

  # ==== Terms in Erlang syntax (~p prints printable lists as strings, ~w never does) ====

  def term_text(t, _p, _u) when is_integer(t), do: Integer.to_string(t)
  def term_text(t, _p, _u) when is_float(t), do: inspect(t)
  def term_text(t, _p, _u) when is_atom(t), do: atom_text(Atom.to_string(t))
  def term_text(t, _p, _u) when is_pid(t), do: String.slice(inspect(t), 4..-1//1)
  def term_text(t, _p, _u) when is_reference(t), do: "#Ref" <> String.slice(inspect(t), 10..-1//1)

  # ~p shows a printable binary as <<"text">> (non-ASCII text only with ~tp, as <<"text"/utf8>>).
  def term_text(t, p, u) when is_binary(t) do
    cond do
      p and u and t != "" and String.printable?(t) and not latin1_printable?(t) ->
        "<<" <> inspect(t) <> "/utf8>>"

      p and u and t != "" and String.printable?(t) and not ascii?(t) ->
        "<<" <> inspect(t) <> "/utf8>>"

      p and t != "" and latin1_printable?(t) ->
        "<<" <> inspect(List.to_string(:binary.bin_to_list(t))) <> ">>"

      true -> "<<" <> Enum.map_join(:binary.bin_to_list(t), ",", &Integer.to_string/1) <> ">>"
    end
  end

  def term_text(t, p, u) when is_tuple(t) do
    "{" <> Enum.map_join(Tuple.to_list(t), ",", &term_text(&1, p, u)) <> "}"
  end

  def term_text(t, p, u) when is_list(t) do
    if p and t != [] and printable_list?(t) do
      inspect(List.to_string(t))
    else
      list_text(t, p, u, [])
    end
  end

  def term_text(t, p, u) when is_map(t) do
    pairs = Enum.map_join(Enum.sort(Map.to_list(t)), ",", fn {k, v} ->
      term_text(k, p, u) <> " => " <> term_text(v, p, u)
    end)

    "\#{" <> pairs <> "}"
  end

  def term_text(t, _p, _u) when is_function(t), do: inspect(t)

  # Erlang's ~p reads a binary as Latin-1: bytes 160..255 are printable too.
  defp latin1_printable?(t) do
    Enum.all?(:binary.bin_to_list(t), &(&1 in 32..126 or &1 in 160..255 or &1 in [9, 10, 13]))
  end

  defp ascii?(t), do: Enum.all?(:binary.bin_to_list(t), &(&1 < 128))

  defp list_text([h | t], p, u, acc) when is_list(t), do: list_text(t, p, u, [term_text(h, p, u) | acc])
  defp list_text([h | t], p, u, acc), do: list_close([term_text(h, p, u) | acc], "|" <> term_text(t, p, u))
  defp list_text([], _p, _u, acc), do: list_close(acc, "")

  defp list_close(acc, tail), do: "[" <> Enum.join(:lists.reverse(acc), ",") <> tail <> "]"

  defp printable_list?(list) do
    Enum.all?(list, fn c -> is_integer(c) and (c in 32..126 or c in [?\n, ?\t, ?\r]) end)
  end

  # Atoms that are not plain lowercase identifiers print in single quotes.
  defp atom_text(s) do
    plain =
      case String.to_charlist(s) do
        [first | rest] when first in ?a..?z ->
          Enum.all?(rest, &(&1 in ?a..?z or &1 in ?A..?Z or &1 in ?0..?9 or &1 in [?_, ?@]))

        _ ->
          false
      end

    if plain, do: s, else: "'" <> String.replace(s, "'", "\\'") <> "'"
  end
end

defmodule Ember.Erlang.Io do
  def format(format), do: format(format, [])

  def format(format, args) do
    IO.write(Ember.Erlang.Io_lib.format(format, args))
    :ok
  end

  def format(device, format, args) do
    IO.write(device, Ember.Erlang.Io_lib.format(format, args))
    :ok
  end

  def fwrite(format, args), do: format(format, args)
  def put_chars(text), do: IO.write(text)
  def nl, do: IO.write("\n")
end
