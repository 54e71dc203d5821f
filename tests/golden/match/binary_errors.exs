# A binary that does not match its segments raises MatchError.
<<a, _rest::binary>> = "ok"
IO.inspect(a)
<<_x::16>> = "abc"
