# Bitstring patterns: every segment type, sizes from variables and from earlier segments.
import Bitwise
<<a::4, b::4>> = <<0xAB>>
IO.inspect({a, b})
<<f::float>> = <<1.5::float>>
IO.inspect(f)
<<f32::float-32>> = <<1.5::float-32>>
IO.inspect(f32)
<<h::float-16>> = <<62, 0>>
IO.inspect(h)
<<hl::float-size(16)-little>> = <<0, 60>>
IO.inspect(hl)
<<sf::signed-float>> = <<1.0::float>>
IO.inspect(sf)
<<s::signed-16>> = <<255, 255>>
IO.inspect(s)
<<l::little-32>> = <<1, 0, 0, 0>>
IO.inspect(l)
<<x::little-12>> = <<0xAB, 0xC::4>>
IO.inspect(x, base: :hex)
<<y::little-signed-12>> = <<0xFF, 0xF::4>>
IO.inspect(y)
<<sl::signed-little-24>> = <<-5::signed-little-24>>
IO.inspect(sl)
<<bigv::128>> = <<1::128>>
IO.inspect(bigv)
<<sb::signed-80>> = <<-(1 <<< 70)::80>>
IO.inspect(sb)
<<lb::little-signed-80>> = <<-(1 <<< 70)::little-80>>
IO.inspect(lb)
<<u64::64>> = <<-1::64>>
IO.inspect(u64)
<<i64::signed-64>> = <<-1::64>>
IO.inspect(i64)
<<i63::signed-63, _::1>> = <<-2::64>>
IO.inspect(i63)
n = 2
<<p::binary-size(n), r::binary>> = "hello"
IO.inspect({p, r})
<<len::8, d::binary-size(len), rest::bits>> = <<3, "abcdef">>
IO.inspect({len, d, rest})
<<a2::bits-size(3), b2::bitstring>> = "a"
IO.inspect({a2, b2})
<<c::binary-size(1)-unit(16), _::binary>> = "abcd"
IO.inspect(c)
<<_, r2::bits>> = <<1, 2::3>>
IO.inspect(r2)
<<x2::bits-size(2), y2::bits>> = "a"
IO.inspect({x2, y2})
<<u::utf16, tail::binary>> = <<0xD83D::16, 0xDE00::16, "x">>
IO.inspect({u, tail})
<<u8::utf8, rest8::binary>> = "élan"
IO.inspect({u8, rest8})
<<u32::utf32-little>> = <<0x1F600::utf32-little>>
IO.inspect(u32)
<<"ab"::utf16, r3::binary>> = <<0, 97, 0, 98, 1>>
IO.inspect(r3)
<<"GET ", path::binary>> = "GET /index.html"
IO.inspect(path)
<<1, 2, z>> = <<1, 2, 3>>
IO.inspect(z)
<<1.5::float, w>> = <<1.5::float, 9>>
IO.inspect(w)
# shifted positions: fields that do not start on a byte boundary
<<_::3, mid::binary-size(2), last::5>> = <<0b101::3, "hi", 0b11111::5>>
IO.inspect({mid, last})
<<_::1, ch::utf8, _::7>> = <<0::1, "é", 0::7>>
IO.inspect(ch)
<<_::4, "ab", q::4>> = <<0::4, "ab", 7::4>>
IO.inspect(q)
IO.inspect(match?(<<_::float>>, <<0x7FF0000000000000::64>>))
IO.inspect(match?(<<_::utf8>>, <<0xFF>>))
IO.inspect(match?(<<_::utf16>>, <<0xDC00::16>>))
IO.inspect(match?(<<_::binary-size(3)>>, "ab"))
IO.inspect(match?(<<_::binary>>, <<1::3>>))
IO.inspect(match?(<<_::bits>>, <<1::3>>))
IO.inspect(match?(<<_::size(-1)>>, "a"))
IO.inspect(match?(<<>>, ""))
IO.inspect(match?(<<_>>, ""))
pinned = 7
IO.inspect(match?(<<^pinned, _::binary>>, <<7, 1>>))
IO.inspect(match?(<<^pinned, _::binary>>, <<8, 1>>))
size_var = 16
IO.inspect(match?(<<_::size(size_var)>>, <<1, 2>>))
