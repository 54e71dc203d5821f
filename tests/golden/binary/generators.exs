# Binary generators in for: element patterns, filters, into:, reduce:, skipped elements.
IO.inspect(for <<c <- "abc">>, do: c + 1)
IO.inspect(for <<a::4, b::4 <- <<0x12, 0x34>> >>, do: {a, b})
IO.inspect(for <<c <- "hello">>, c > ?h, into: "", do: <<c>>)
IO.inspect(for <<b::1 <- <<0b10110000>> >>, do: b)
IO.inspect(for <<1, c <- <<1, 2, 3, 4, 1, 5>> >>, do: c)
IO.inspect(for <<c::utf8 <- "héllo">>, do: c)
IO.inspect(for <<r::8, g::8, b::8 <- <<1, 2, 3, 4, 5, 6, 7>> >>, do: r + g + b)
IO.inspect(for <<c <- "abc">>, reduce: 0 do
  acc -> acc + c
end)
IO.inspect(for <<c <- "ab">>, x <- [1, 2], do: {c, x})
IO.inspect(for x <- [1, 2], <<c <- "ab">>, do: {x, c})
IO.inspect(for <<c <- "a1b2">>, c in ?0..?9, into: %{}, do: {c, c - ?0})
pin = ?b
IO.inspect(for <<^pin, c <- "bxbyaz">>, do: c)
IO.inspect(for <<len, data::binary-size(len) <- <<2, "ab", 1, "c">> >>, do: data)
IO.inspect(for <<c <- "">>, do: c)
IO.inspect(for <<x::binary-size(2) <- "abcde">>, do: x)
IO.inspect(for <<w::16 <- <<1, 2, 3, 4>> >>, uniq: true, do: rem(w, 2))
try do
  for <<c <- :a>>, do: c
rescue
  e -> IO.puts(Exception.message(e))
end
