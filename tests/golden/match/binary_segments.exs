# Binary patterns and constructors with segments: bytes, 16-bit integers, utf8, sized and trailing binaries.
defmodule B do
  def digits(<<c, rest::binary>>, acc) when c in ?0..?9, do: digits(rest, [c - ?0 | acc])
  def digits(rest, acc), do: {Enum.reverse(acc), rest}
  def first_char(<<c::utf8, _::binary>>), do: c
  def header(<<len::16, data::binary-size(len), rest::binary>>), do: {len, data, rest}
  def exact(<<1, 2>>), do: :yes
  def exact(_), do: :no
  def cmd(<<"GET ", path::binary>>), do: {:get, path}
  def cmd(_), do: :other
end
IO.inspect B.digits("123abc", [])
IO.inspect B.first_char("héllo")
IO.inspect B.first_char("ñ")
IO.inspect B.header(<<0, 3, "abcdef">>)
IO.inspect {B.exact(<<1, 2>>), B.exact(<<1, 2, 3>>), B.exact("x")}
IO.inspect B.cmd("GET /index")
IO.inspect <<65, 66, 67>>
IO.inspect <<1::16, 255>>
IO.inspect <<"abc", 0>>
IO.inspect <<233::utf8, "x"::binary>>
x = "yz"
IO.inspect <<?a, x::binary, ?!>>
<<a, b, rest::binary>> = "hello"
IO.inspect {a, b, rest}
IO.inspect byte_size(<<1, 2, 3>>)
