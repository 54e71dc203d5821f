# A large subject: scans, replaces and splits cross the pieces a long scan is cut into.
line = String.duplicate("ab1 cd22 ", 20) <> "\n"
text = String.duplicate(line, 5000)
IO.inspect(byte_size(text))
IO.inspect(length(Regex.scan(~r/\d+/, text)))
IO.inspect(Regex.scan(~r/\d+/, text) |> List.last())
replaced = Regex.replace(~r/\d+/, text, "#")
IO.inspect({byte_size(replaced), replaced == String.replace(text, ["1", "22"], "#")})
IO.inspect(length(Regex.split(~r/\n/, text)))
IO.inspect(length(Regex.scan(~r/x*/, String.duplicate("ax", 200_000))))
IO.inspect(Regex.replace(~r//, String.duplicate("a", 300_000), "-") |> byte_size())
parent = self()
spawn(fn -> send(parent, {:other, Enum.sum(1..1000)}) end)
n = length(Regex.scan(~r/c/, String.duplicate("abc", 500_000)))
receive do
  {:other, s} -> IO.inspect({n, s})
end
