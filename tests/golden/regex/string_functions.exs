# String functions and =~ with a regex.
IO.inspect(String.split("a1b22c333d", ~r/\d+/))
IO.inspect(String.split("a1b22c333d", ~r/\d+/, parts: 2))
IO.inspect(String.split(" a  b ", ~r/\s+/, trim: true))
IO.inspect(String.split("a,b", ","))
IO.inspect(String.replace("abcabc", ~r/b/, "X"))
IO.inspect(String.replace("abcabc", ~r/b/, "X", global: false))
IO.inspect(String.replace("abcabc", ~r/(b)(c)/, "\\2\\1"))
IO.inspect(String.replace("a1b2", ~r/\d/, fn d -> "<#{d}>" end))
IO.inspect(String.replace("a-b", "-", "+"))
IO.inspect(String.match?("abc", ~r/b/))
IO.inspect(String.match?("abc", ~r/^b/))
IO.inspect("abc" =~ ~r/B/i)
IO.inspect("abc" =~ ~r/x/)
IO.inspect("abc" =~ "bc")
IO.inspect("héllo" =~ ~r/^h.llo$/u)
IO.inspect("héllo" =~ ~r/^h.llo$/)
try do
  String.contains?("abc", ~r/b/) |> IO.inspect()
rescue
  e -> IO.inspect(e)
end
