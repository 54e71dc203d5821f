# A failed binary match is a MatchError.
<<a, b>> = "abc"
IO.inspect({a, b})
