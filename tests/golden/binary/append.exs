# Appending to a binary in a loop (`<<acc::binary, c>>`, `acc <> piece`) is linear, and every
# earlier value stays as it was, also when several processes append to the same binary.
defmodule Build do
  def bytes(0, acc), do: acc
  def bytes(n, acc), do: bytes(n - 1, <<acc::binary, rem(n, 26) + ?a>>)
  def pairs(0, acc), do: acc
  def pairs(n, acc), do: pairs(n - 1, acc <> "xy")
end

a = Build.bytes(300_000, "")
b = Build.pairs(300_000, "")
IO.inspect({byte_size(a), binary_part(a, 0, 5), binary_part(a, 299_995, 5)})
IO.inspect({byte_size(b), binary_part(b, 599_996, 4)})
base = Build.bytes(1000, "")
one = base <> "1"
two = base <> "2"
three = <<base::binary, "3">>
IO.inspect({byte_size(base), binary_part(one, 1000, 1), binary_part(two, 1000, 1),
            binary_part(three, 1000, 1), binary_part(one, 995, 5)})
IO.inspect(one == base <> "1" and base == binary_part(one, 0, 1000))
parent = self()
for tag <- ["p", "q", "r", "s"] do
  spawn(fn ->
    grown = Enum.reduce(1..2000, base, fn _, acc -> acc <> tag end)
    send(parent, {tag, grown})
  end)
end
results =
  for tag <- ["p", "q", "r", "s"] do
    receive do
      {^tag, grown} -> {tag, byte_size(grown), grown == base <> String.duplicate(tag, 2000)}
    end
  end
IO.inspect(results)
IO.inspect(byte_size(base))
