# 3000 pseudo-random terms (a fixed LCG, so Elixir and Ember build the same ones): integers of
# every size, floats, atoms, binaries, byte lists, improper lists, tuples and maps nested up to
# four levels. Prints a checksum of all their encodings (plain, minor_version 0 and 2,
# compressed) and checks that each decodes and re-encodes to the same bytes.
defmodule Gen do
  def next(s), do: rem(s * 1_103_515_245 + 12345, 2_147_483_648)

  def term(s, 0), do: leaf(next(s))

  def term(s, depth) do
    s = next(s)
    case rem(s, 7) do
      0 -> list(next(s), depth - 1, rem(div(s, 7), 6), [])
      1 -> tuple(next(s), depth - 1, rem(div(s, 7), 5))
      2 -> map(next(s), depth - 1, rem(div(s, 7), 5))
      3 -> improper(next(s), depth - 1)
      _ -> leaf(s)
    end
  end

  def leaf(s) do
    s = next(s)
    v = div(s, 16)
    case rem(s, 16) do
      0 -> rem(v, 256)
      1 -> v - 1_000_000_000
      2 -> v * v * v * v * v
      3 -> -(v * v * v)
      4 -> v / 7
      5 -> -v * 1.0e200
      6 -> Enum.at([:a, :ok, :error, :ä, :λ, :"with space", true, false, nil], rem(v, 9))
      7 -> :binary.copy("ab", rem(v, 40))
      8 -> Enum.map(1..rem(v, 10), fn i -> rem(i * v, 256) end)
      9 -> []
      10 -> {}
      11 -> %{}
      12 -> "héllo"
      13 -> rem(v, 65536) - 32768
      14 -> 0.0
      _ -> v * 4_294_967_296 * 4_294_967_296
    end
  end

  def list(s, _depth, 0, acc), do: {Enum.reverse(acc), s}
  def list(s, depth, n, acc) do
    t = term(s, depth)
    list(next(s), depth, n - 1, [t | acc])
  end

  def tuple(s, depth, n) do
    {l, _} = list(s, depth, n, [])
    List.to_tuple(l)
  end

  def map(s, depth, n) do
    {keys, s2} = list(s, 0, n, [])
    {vals, _} = list(s2, depth, n, [])
    Map.new(Enum.zip(keys, vals))
  end

  def improper(s, depth), do: [term(s, depth) | leaf(next(s))]
end

defmodule Check do
  def hash(bin), do: Enum.reduce(:binary.bin_to_list(bin), 0, fn b, h -> rem(h * 31 + b, 4_294_967_291) end)

  def run(0, _s, acc, bad), do: {acc, bad}

  def run(n, s, acc, bad) do
    t =
      case Gen.term(s, 4) do
        {l, _} when is_list(l) -> l
        other -> other
      end

    encs = [
      :erlang.term_to_binary(t),
      :erlang.term_to_binary(t, minor_version: 0),
      :erlang.term_to_binary(t, minor_version: 2),
      :erlang.term_to_binary(t, [:compressed])
    ]

    ok = Enum.all?(encs, fn e -> :erlang.term_to_binary(:erlang.binary_to_term(e)) == hd(encs) end)
    size_ok = :erlang.external_size(t) == byte_size(hd(encs))
    acc = Enum.reduce(encs, acc, fn e, a -> rem(a * 7 + hash(e), 4_294_967_291) end)
    run(n - 1, Gen.next(s), acc, if(ok and size_ok, do: bad, else: bad + 1))
  end
end

IO.inspect(Check.run(3000, 42, 0, 0))
