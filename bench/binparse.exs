# Byte-by-byte binary parsing: a generated CSV (rows of four fields) is walked with
# `<<c, rest::binary>>` clauses, counting fields and rows and summing the numbers, at 1, 2, 4
# and 8 MB. Linear parsing (sub-binaries, no copying of `rest`) keeps ms per MB flat.
# Lines starting with "# " are timings (they vary from run to run and are not compared).
defmodule BinParse do
  def parse(<<?,, rest::binary>>, fields, rows, sum, cur),
    do: parse(rest, fields + 1, rows, sum + cur, 0)

  def parse(<<?\n, rest::binary>>, fields, rows, sum, cur),
    do: parse(rest, fields + 1, rows + 1, sum + cur, 0)

  def parse(<<c, rest::binary>>, fields, rows, sum, cur) when c >= ?0 and c <= ?9,
    do: parse(rest, fields, rows, sum, cur * 10 + c - ?0)

  def parse(<<_, rest::binary>>, fields, rows, sum, cur), do: parse(rest, fields, rows, sum, cur)
  def parse(<<>>, fields, rows, sum, _cur), do: {fields, rows, sum}

  # Rows until the text reaches [bytes]: "n,word,n,word\n" with numbers from an LCG.
  def generate(bytes), do: generate(bytes, 12345, 0, [])
  defp generate(bytes, _seed, size, acc) when size >= bytes, do: IO.iodata_to_binary(acc)

  defp generate(bytes, seed, size, acc) do
    a = rem(seed * 1_103_515_245 + 12345, 2_147_483_648)
    b = rem(a * 1_103_515_245 + 12345, 2_147_483_648)
    row = [Integer.to_string(rem(a, 100_000)), ",alpha,", Integer.to_string(rem(b, 1000)), ",omega\n"]
    generate(bytes, b, size + IO.iodata_length(row), [acc | row])
  end
end

for mb <- [1, 2, 4, 8] do
  text = BinParse.generate(mb * 1_048_576)
  t0 = System.monotonic_time(:microsecond)
  {fields, rows, sum} = BinParse.parse(text, 0, 0, 0, 0)
  t1 = System.monotonic_time(:microsecond)
  IO.puts("#{mb} MB: #{rows} rows, #{fields} fields, sum #{sum}")
  IO.puts("# parse_ms_#{mb}mb #{div(t1 - t0, 1000)}")
end
