# URI.new/1 and new!/1: OTP 25 :uri_string validation, the error part it reports, default ports.
for s <- ["a b", "a%", "a%z", "http://a%zz/", "http://u s@h", "http://h:8a", "http://h:", "http://[::1", "http://[v1.x]/", "x:y:z", "1x:y", "http://h/p q", "http://h/p?q r", "http://h/p#f#g", "http://h/p#f g", "mailto:a@b", "urn:isbn:1", "//h", "///p", "?q", "#f", "http:", "http://", "file:///tmp/x", "http://h:65536/", "http://h:99999999999999999999/", "HTTP://H.COM/", "a:b", "/a:b", "./a:b", "http://a@b@c/", "http://h/\\", "http://h/[", "http://h/%", "h/ä", "http://u:p@h:1/p/a;b?x=1&y=2#frag", "http://h/a{b}", "s+a-b.c://h", "-x:y"] do
  IO.inspect({s, URI.new(s)})
end
IO.inspect URI.new(URI.parse("http://x"))
IO.inspect URI.new!("https://h/p")
IO.inspect URI.new!(URI.parse("x:y"))
try do
  URI.new!("a b")
rescue
  e -> IO.inspect({e, Exception.message(e)})
end
URI.new!("http://h/ä")
