# URI percent-encoding, www-form encoding, query strings, character classes and merge/2.
strings = ["", "abc", "a b", "a+b", "ä€", "~_-.", ":/?#[]@!$&'()*+,;=", "100%", "%", "\0\n", "a=b&c"]
for s <- strings do
  IO.inspect({s, URI.encode(s), URI.encode_www_form(s), URI.encode(s, &URI.char_unreserved?/1),
    URI.encode(s, &(&1 != ?a))})
end

encoded = ["%41%42", "%4a%4A", "%zz", "%", "%4", "a+b", "%20+", "%E2%82%AC", "%%41", "%g1%41"]
for s <- encoded, do: IO.inspect({s, URI.decode(s), URI.decode_www_form(s)})

IO.inspect(Enum.filter(0..127, &URI.char_reserved?/1) |> List.to_string())
IO.inspect(Enum.filter(0..127, &URI.char_unreserved?/1) |> List.to_string())
IO.inspect(Enum.count(0..255, &URI.char_unescaped?/1))

IO.inspect(URI.encode_query(%{"a" => "1 2", "b" => "ä"}))
IO.inspect(URI.encode_query([a: 1, b: :c, c: "x&y=z"]))
IO.inspect(URI.encode_query([{"a b", "c d"}], :rfc3986))
IO.inspect(URI.encode_query([{"a b", "c d"}], :www_form))
IO.inspect(URI.encode_query([]))
IO.inspect(URI.decode_query("a=1&b=2&a=3"))
IO.inspect(URI.decode_query("a+b=c+d&e%20f=%41", %{"x" => "y"}))
IO.inspect(URI.decode_query("a+b=c+d", %{}, :rfc3986))
IO.inspect(URI.decode_query("a&=b&c=&&d=1=2"))
IO.inspect(URI.decode_query(""))
IO.inspect(URI.query_decoder("a=1&b=2&a=3") |> Enum.to_list())
IO.inspect(URI.query_decoder("x+y=%41", :rfc3986) |> Enum.to_list())
IO.inspect(URI.query_decoder("") |> Enum.to_list())

merges = [
  {"http://a/b/c/d;p?q", "g:h"}, {"http://a/b/c/d;p?q", "g"}, {"http://a/b/c/d;p?q", "./g"},
  {"http://a/b/c/d;p?q", "g/"}, {"http://a/b/c/d;p?q", "/g"}, {"http://a/b/c/d;p?q", "//g"},
  {"http://a/b/c/d;p?q", "?y"}, {"http://a/b/c/d;p?q", "g?y"}, {"http://a/b/c/d;p?q", "#s"},
  {"http://a/b/c/d;p?q", "g#s"}, {"http://a/b/c/d;p?q", ""}, {"http://a/b/c/d;p?q", "."},
  {"http://a/b/c/d;p?q", "./"}, {"http://a/b/c/d;p?q", ".."}, {"http://a/b/c/d;p?q", "../g"},
  {"http://a/b/c/d;p?q", "../../g"}, {"http://a/b/c/d;p?q", "../../../g"},
  {"http://a/b/c/d;p?q", "/./g"}, {"http://a/b/c/d;p?q", "/../g"}, {"http://a/b/c/d;p?q", "g."},
  {"http://a/b/c/d;p?q", "./../g"}, {"http://a/b/c/d;p?q", "g/./h"}, {"http://a/b/c/d;p?q", "g/../h"},
  {"http://a", "b"}, {"http://a", "http://b/./c/../d"}, {"http://google.com", "/query"},
  {"http://h/a?x", "?"}, {"http://h/a?x", "#f"},
  {"http://a/b", "../../../../g"}, {"http://a/b/c", "x/../../../y/./z/.."}, {"http://a/", "./."},
  {"http://a/b/", ".."}, {"http://a/b/c/", "../.."}, {"http://a", "a/b/../../.."},
  {"http://a/x", "../a/../../b"}, {"http://a/b", "c/."}, {"http://a/b", "c/.."},
  {"x://a", "http://h/a/../../b"}, {"http://a", "//h/./a/.."}, {"http://a/b/c", "g;x=1/../y"},
  {"http://a/b", "x:../../y"}, {"http://a/b", "//h/../../a/./b/../c/."}, {"http://a/b", "//h"},
  {"http://a/b/c", "./././"}, {"http://a/b/c", ".././.././../x/"}, {"http://a/b", "a//b/../c"}
]

for {base, rel} <- merges, do: IO.inspect({base, rel, to_string(URI.merge(base, rel))})
IO.inspect(URI.merge(URI.parse("http://h/a"), URI.parse("b")))

show = fn label, f ->
  try do
    IO.inspect({label, f.()})
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

show.("merge relative base", fn -> URI.merge("/rel", "x") end)
show.("encode_query list key", fn -> URI.encode_query([{'a', 1}]) end)
show.("encode_query list value", fn -> URI.encode_query([{"a", [1]}]) end)
show.("encode integer", fn -> URI.encode(1) end)
show.("encode_www_form nil", fn -> URI.encode_www_form(nil) end)
show.("decode_www_form atom", fn -> URI.decode_www_form(:a) end)
show.("decode_query atom", fn -> URI.decode_query(:a) end)
show.("parse integer", fn -> URI.parse(1) end)
show.("new atom", fn -> URI.new(:a) end)
show.("default_port atom", fn -> URI.default_port(:http) end)
show.("default_port negative", fn -> URI.default_port("x", -1) end)
show.("append_query", fn -> URI.append_query(URI.parse("h"), 1) end)
URI.merge("rel", "x")
