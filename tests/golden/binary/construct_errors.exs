# Bad construction segments raise ArgumentError with OTP 25's messages.
attempts = [
  fn -> v = :a; <<v>> end,
  fn -> v = 1.5; <<v::integer>> end,
  fn -> v = "ab"; <<v::binary-size(3)>> end,
  fn -> v = 0x110000; <<v::utf8>> end,
  fn -> v = -1; <<v::utf16>> end,
  fn -> v = 0xD800; <<v::utf32>> end,
  fn -> v = :x; <<v::float>> end,
  fn -> v = <<1::3>>; <<v::binary>> end,
  fn -> v = -1; <<1::size(v)>> end,
  fn -> v = <<1::3>>; v <> "a" end,
  fn -> v = 1; <<1, v::binary>> end,
  fn -> v = 5; <<v::bitstring>> end,
  fn -> v = 1; "a" <> v end,
  fn -> v = :size; <<1::size(v)>> end
]
for f <- attempts do
  try do
    IO.inspect(f.())
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end
