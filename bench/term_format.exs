# The external term format: term_to_binary and then binary_to_term of a list of 1,000,000
# small structures (a tuple holding an integer, an atom, a binary and a one-key map), as a
# message bus or a cache would encode them. The check compares the decoded term with the
# original and prints the encoding's size (the same bytes on every implementation).
# Lines starting with "# " are timings (they vary from run to run and are not compared).
defmodule TermFormat do
  def build(0, acc), do: acc
  def build(i, acc), do: build(i - 1, [{i, :item, "payload", %{id: i}} | acc])

  def main(n) do
    data = build(n, [])
    t0 = System.monotonic_time(:nanosecond)
    bin = :erlang.term_to_binary(data)
    t1 = System.monotonic_time(:nanosecond)
    back = :erlang.binary_to_term(bin)
    t2 = System.monotonic_time(:nanosecond)
    IO.puts("#{n} elements, #{byte_size(bin)} bytes, round trip #{back == data}")
    IO.puts("# encode_ms #{div(t1 - t0, 1000000)}")
    IO.puts("# decode_ms #{div(t2 - t1, 1000000)}")
    IO.puts("# total_ms #{div(t2 - t0, 1000000)}")
  end
end

TermFormat.main(1000000)
