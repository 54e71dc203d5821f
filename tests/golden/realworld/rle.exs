# Run-length encoding and decoding
defmodule RLE do
  def encode(s) do
    s
    |> String.graphemes()
    |> Enum.chunk_by(& &1)
    |> Enum.map_join(fn [c | _] = run -> "#{length(run)}#{c}" end)
  end

  def decode(s), do: decode(s, "")
  defp decode("", acc), do: acc
  defp decode(s, acc) do
    {n, rest} = Integer.parse(s)
    {c, rest} = String.split_at(rest, 1)
    decode(rest, acc <> String.duplicate(c, n))
  end
end
for s <- ["aaabccddddd", "abc", "", "zzzzzzzzzzzz", "ééé!"] do
  e = RLE.encode(s)
  IO.puts("#{inspect(s)} -> #{inspect(e)} -> #{inspect(RLE.decode(e))}")
end
IO.inspect(Enum.chunk_by([1, 1, 2, 3, 3, 3, 1], & &1))
IO.inspect(Enum.chunk_while(1..10, [], fn x, acc ->
  if rem(x, 4) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]}
end, fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end))
