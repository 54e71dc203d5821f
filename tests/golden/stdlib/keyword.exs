# Keyword module functions.
kw = [a: 1, b: 2, a: 3]
IO.inspect(Keyword.get(kw, :a))
IO.inspect(Keyword.get(kw, :z))
IO.inspect(Keyword.get(kw, :z, 0))
IO.inspect(Keyword.put(kw, :a, 9))
IO.inspect(Keyword.put(kw, :c, 4))
IO.inspect(Keyword.has_key?(kw, :b))
IO.inspect(Keyword.has_key?(kw, :c))
IO.inspect(Keyword.keys(kw))
IO.inspect(Keyword.values(kw))
IO.inspect(Keyword.delete(kw, :a))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4]))
IO.inspect(Keyword.fetch(kw, :b))
IO.inspect(Keyword.fetch(kw, :z))
IO.inspect(kw[:b])
opts = [width: 10, fill: "*"]
IO.inspect(Keyword.get(opts, :fill, " ") |> String.duplicate(Keyword.get(opts, :width)))
