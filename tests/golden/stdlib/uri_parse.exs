# URI.parse/1 (RFC 3986 appendix B, never fails), the struct and its printing, to_string/1
# and String.Chars (interpolation), default_port/1,2.
cases = ["http://user:pw@example.com:8080/a/b?x=1&y=2#frag", "https://EXAMPLE.com", "HTTP://h/",
  "foo", "", "/path/only", "?q", "#f", "//host", "//", "///p", "mailto:x@y.z", "urn:isbn:0451",
  "http://[::1]:4000/x", "http://[::1/", "http://h:", "http://h:8a/", "http://a@b@c/", "1http://x",
  "http://h?#", "http://h#a#b", "ftp://f.example", "ws://w", "wss://w", "ldap://l", "sftp://s",
  "tftp://t", "unknown://u", "http://h/ä?ü#ö", "http://h/%zz", "s+a-b.c:rest", "http://[v1.x]/",
  "x:", ":x", "http://u@/p", "http://h:0", "http://h:99999"]

for c <- cases do
  uri = URI.parse(c)
  IO.inspect(uri)
  IO.inspect({c, to_string(uri), URI.to_string(uri), "#{uri}"})
end

IO.inspect(URI.parse(URI.parse("http://x")))
IO.inspect(%URI{})
IO.inspect(%URI{host: "h", authority: "h"})
IO.inspect([URI.parse("a")])
IO.inspect(to_string(%URI{scheme: "http", host: "h", port: 80, path: "/p"}))
IO.inspect(to_string(%URI{scheme: "http", host: "h", port: 81, userinfo: "u"}))
IO.inspect(to_string(%URI{scheme: "https", host: "::1", port: 443, query: "a", fragment: ""}))
IO.inspect(to_string(%URI{path: "rel", query: "q"}))
IO.inspect(to_string(%URI{authority: "auth", path: "/x"}))
IO.inspect(to_string(%URI{host: "h", path: ""}))
IO.inspect(Enum.map(~w(ftp sftp tftp http https ldap ws wss ssh HTTP), &URI.default_port/1))
IO.inspect(URI.default_port("ember", 1234))
IO.inspect(URI.default_port("ember"))
IO.inspect(URI.parse("ember://h"))
IO.inspect(to_string(URI.parse("ember://h:1234/p")))
IO.inspect(URI.default_port("http", 8080))
IO.inspect(URI.parse("http://h").port)
IO.inspect(URI.append_query(URI.parse("http://h"), "a=1"))
IO.inspect(URI.append_query(URI.parse("http://h?x=1"), "a=1") |> to_string())
IO.inspect(URI.append_query(URI.parse("http://h?x=1&"), "a=1") |> to_string())
IO.inspect(URI.append_query(URI.parse("http://h?"), "a=1") |> to_string())
to_string(%URI{host: "h", path: "rel"})
