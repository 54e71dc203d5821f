# :binary: split with :global/:trim/:trim_all/:scope, match, matches, replace, part, at,
# first, last, copy, bin_to_list, list_to_bin, and their argument errors.
csv = "name,age,,city,"
IO.inspect(:binary.split(csv, ","))
IO.inspect(:binary.split(csv, ",", [:global]))
IO.inspect(:binary.split(csv, ",", [:global, :trim]))
IO.inspect(:binary.split(csv, ",", [:global, :trim_all]))
IO.inspect(:binary.split("a-b_c-d", ["-", "_"], [:global]))
IO.inspect(:binary.split("key = value", " = "))
IO.inspect(:binary.split("no separator", ","))
IO.inspect(:binary.split("", ","))
IO.inspect(:binary.split("", ",", [:trim]))
IO.inspect(:binary.split("a,b,c,d", ",", [:global, {:scope, {2, 3}}]))

IO.inspect(:binary.match("hello world", "o"))
IO.inspect(:binary.match("hello world", ["wor", "o w"]))
IO.inspect(:binary.match("hello world", "z"))
IO.inspect(:binary.match("abcabc", "abc", [{:scope, {1, 5}}]))
IO.inspect(:binary.matches("banana", "an"))
IO.inspect(:binary.matches("aaaa", "aa"))
IO.inspect(:binary.matches("abcde", ["bc", "b", "de"]))

IO.inspect(:binary.replace("a.b.c", ".", "::"))
IO.inspect(:binary.replace("a.b.c", ".", "::", [:global]))
IO.inspect(:binary.replace("one two", ["one", "two"], "[]", [:global, {:insert_replaced, 1}]))

IO.inspect({:binary.part("abcdef", 1, 3), :binary.part("abcdef", {4, -2}),
            :binary.part("abc", 3, 0)})
IO.inspect({:binary.at("abc", 1), :binary.first("abc"), :binary.last("abc")})
IO.inspect({:binary.copy("ab", 3), :binary.copy("x"), :binary.copy("ab", 0)})
IO.inspect({:binary.bin_to_list("abc"), :binary.bin_to_list("abcde", {1, 3}),
            :binary.bin_to_list("abcde", 4, -2)})
IO.inspect(:binary.list_to_bin([?a, "bc", [?d, ["e"]]]))

for f <- [fn -> :binary.split("abc", "") end, fn -> :binary.split(:abc, ",") end,
          fn -> :binary.split("abc", ",", [:bogus]) end, fn -> :binary.match("abc", []) end,
          fn -> :binary.part("abc", 2, 5) end, fn -> :binary.part("abc", 5, 0) end,
          fn -> :binary.part("abc", {5, 0}) end, fn -> :binary.part("abc", {1, :a}) end,
          fn -> :binary.at("abc", 3) end, fn -> :binary.at("abc", -1) end,
          fn -> :binary.first("") end, fn -> :binary.last(1) end, fn -> :binary.copy("a", -1) end,
          fn -> :binary.bin_to_list("abc", {4, 0}) end, fn -> :binary.bin_to_list("abc", 1, 3) end,
          fn -> :binary.list_to_bin([300]) end, fn -> :binary.replace("abc", "b", :x) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
