# Grapheme clusters: combining marks, emoji sequences
s = "e\u0301te\u0301"
IO.inspect(String.length(s))
IO.inspect(String.graphemes(s))
IO.inspect(String.reverse(s))
IO.inspect(String.codepoints(s) |> length())
flag = "\u{1F1EB}\u{1F1F7}"
IO.inspect(String.length(flag))
fam = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"
IO.inspect(String.length(fam))
IO.inspect(String.slice("héllo wörld", 3..7))
IO.inspect(String.upcase("ǆ ß ﬁ"))
IO.inspect(String.downcase("ΑΣ"))
IO.inspect(String.capitalize("ǆemal"))
IO.inspect(String.pad_leading("é", 3, "ü"))
