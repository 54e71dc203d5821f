# Named groups: names/1 (sorted), named_captures/2,3.
re = ~r/(?<year>\d{4})-(?<month>\d{2})(-(?<day>\d{2}))?/
IO.inspect(Regex.names(re))
IO.inspect(Regex.named_captures(re, "date: 2024-05"))
IO.inspect(Regex.named_captures(re, "date: 2024-05-17"))
IO.inspect(Regex.named_captures(re, "no date"))
IO.inspect(Regex.named_captures(re, "1999-01 2024-05", return: :index))
IO.inspect(Regex.names(~r/(a)(b)/))
IO.inspect(Regex.named_captures(~r/(a)/, "a"))
IO.inspect(Regex.names(Regex.compile!("(?<zeta>z)(?<alpha>a)")))
