# regex-redux (the Benchmarks Game; twin: bench/regex.erl): a generated fasta-like text
# (~4 MB, made here with the fasta LCG so every implementation reads the same bytes), headers
# and newlines removed with one regex, the nine variant alternations counted with Regex.scan,
# then the five IUB replacements applied in turn. Prints the counts and lengths, and the
# in-script time of the regex work (not the generation) on a "# elapsed_ms" line.
defmodule RegexRedux do
  @alu "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

  # {byte, cumulative weight out of 139968} (fasta's IUB and homo sapiens tables, scaled)
  @iub [{?a, 37791}, {?c, 54587}, {?g, 71383}, {?t, 109174}, {?B, 111973}, {?D, 114772},
        {?H, 117571}, {?K, 120370}, {?M, 123169}, {?N, 125968}, {?R, 128767}, {?S, 131566},
        {?V, 134365}, {?W, 137164}, {?Y, 139968}]
  @homo [{?a, 42284}, {?c, 70057}, {?g, 97831}, {?t, 139968}]

  def pick(r, [{c, w} | _]) when r < w, do: c
  def pick(r, [_ | t]), do: pick(r, t)

  def line(0, _table, seed, acc), do: {acc, seed}

  def line(k, table, seed, acc) do
    seed = rem(seed * 3877 + 29573, 139968)
    line(k - 1, table, seed, [pick(seed, table) | acc])
  end

  def random(0, _table, seed, acc), do: {acc, seed}

  def random(n, table, seed, acc) do
    k = min(n, 60)
    {chars, seed} = line(k, table, seed, [])
    random(n - k, table, seed, [acc, :erlang.list_to_binary(chars), ?\n])
  end

  def repeat(n, _offset, acc) when n <= 0, do: acc

  def repeat(n, offset, acc) do
    k = min(n, 60)
    line = binary_part(@alu <> @alu, offset, k)
    repeat(n - k, rem(offset + k, byte_size(@alu)), [acc, line, ?\n])
  end

  def generate(n) do
    one = repeat(2 * n, 0, [])
    {two, seed} = random(3 * n, @iub, 42, [])
    {three, _} = random(5 * n, @homo, seed, [])
    IO.iodata_to_binary([">ONE Homo sapiens alu\n", one, ">TWO IUB ambiguity codes\n", two,
                         ">THREE Homo sapiens frequency\n", three])
  end

  def run(input) do
    seq = Regex.replace(~r/>.*\n|\n/, input, "")
    variants = [
      ~r/agggtaaa|tttaccct/i,
      ~r/[cgt]gggtaaa|tttaccc[acg]/i,
      ~r/a[act]ggtaaa|tttacc[agt]t/i,
      ~r/ag[act]gtaaa|tttac[agt]ct/i,
      ~r/agg[act]taaa|ttta[agt]cct/i,
      ~r/aggg[acg]aaa|ttt[cgt]ccct/i,
      ~r/agggt[cgt]aa|tt[acg]accct/i,
      ~r/agggta[cgt]a|t[acg]taccct/i,
      ~r/agggtaa[cgt]|[acg]ttaccct/i
    ]
    counts = Enum.map(variants, fn re -> {Regex.source(re), length(Regex.scan(re, seq))} end)
    substs = [
      {~r/tHa[Nt]/, "<4>"},
      {~r/aND|caN|Ha[DS]|WaS/, "<3>"},
      {~r/a[NSt]|BY/, "<2>"},
      {~r/<[^>]*>/, "|"},
      {~r/\|[^|][^|]*\|/, "-"}
    ]
    final = Enum.reduce(substs, seq, fn {re, rep}, s -> Regex.replace(re, s, rep) end)
    {counts, byte_size(input), byte_size(seq), byte_size(final)}
  end
end

input = RegexRedux.generate(400_000)
t0 = System.monotonic_time(:millisecond)
{counts, ilen, clen, flen} = RegexRedux.run(input)
t1 = System.monotonic_time(:millisecond)
Enum.each(counts, fn {source, n} -> IO.puts("#{source} #{n}") end)
IO.puts("")
IO.puts(ilen)
IO.puts(clen)
IO.puts(flen)
IO.puts("# elapsed_ms #{t1 - t0}")
