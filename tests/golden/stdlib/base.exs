# Base: base16, base32 (standard and hex alphabets) and base64 (standard and URL alphabets):
# encoding options, decoding with and without padding, case, errors and :error results.
bytes = <<0, 1, 2, 127, 128, 254, 255>>
for s <- ["", "f", "fo", "foo", "foob", "fooba", "foobar", bytes] do
  IO.inspect({Base.encode16(s), Base.encode16(s, case: :lower), Base.encode64(s),
              Base.encode64(s, padding: false), Base.url_encode64(s), Base.encode32(s),
              Base.encode32(s, case: :lower, padding: false), Base.hex_encode32(s)})
  IO.inspect(Base.decode16!(Base.encode16(s)) == s and Base.decode64!(Base.encode64(s)) == s and
               Base.url_decode64!(Base.url_encode64(s, padding: false), padding: false) == s and
               Base.decode32!(Base.encode32(s)) == s and
               Base.hex_decode32!(Base.hex_encode32(s)) == s)
end

IO.inspect(Base.decode16("666F6F"))
IO.inspect(Base.decode16("666f6f"))
IO.inspect(Base.decode16("666f6f", case: :lower))
IO.inspect(Base.decode16("666F6f", case: :mixed))
IO.inspect(Base.decode16("666"))
IO.inspect(Base.decode64("Zm9vYg=="))
IO.inspect(Base.decode64("Zm9vYg"))
IO.inspect(Base.decode64("Zm9vYg", padding: false))
IO.inspect(Base.decode64("Zm9vYg==", padding: false))
IO.inspect(Base.decode64("Zm9v\nYg==", ignore: :whitespace))
IO.inspect(Base.decode64("Zm9vYh=="))
IO.inspect(Base.decode64("Zm9v*g=="))
IO.inspect(Base.url_decode64("_-8"))
IO.inspect(Base.url_decode64("_-8=", padding: false))
IO.inspect(Base.decode64("/+8="))
IO.inspect(Base.decode32("MZXW6YQ="))
IO.inspect(Base.decode32("mzxw6yq=", case: :lower))
IO.inspect(Base.decode32("mzxw6yq="))
IO.inspect(Base.decode32("MZXW6YQ", padding: false))
IO.inspect(Base.hex_decode32("CPNMUOG="))

for f <- [fn -> Base.decode16!("zz") end, fn -> Base.decode16!("abc") end,
          fn -> Base.decode16!("a\n") end, fn -> Base.decode64!("Zm9") end,
          fn -> Base.decode64!("Zm=v") end, fn -> Base.decode64!("Z===") end,
          fn -> Base.url_decode64!("a+8=") end, fn -> Base.decode32!("MZXW6") end,
          fn -> Base.decode32!("MZXW6YQ1") end, fn -> Base.encode16(:foo) end,
          fn -> Base.decode64(123) end, fn -> Base.encode16("a", case: :title) end,
          fn -> Base.decode16!(<<0xC3, 0xA9>>) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
