# String prefix matching corners
"he" <> rest = "hello"
IO.inspect(rest)
"" <> all = "x"
IO.inspect(all)
f = fn
  "a" <> _ -> :a
  "ab" <> _ -> :ab
  _ -> :other
end
IO.inspect({f.("abc"), f.("b"), f.("")})
g = fn "é" <> r -> r end
IO.inspect(g.("éa"))
