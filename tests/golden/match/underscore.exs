# Underscore and _named variables ignore values.
{_, second, _} = {1, 2, 3}
IO.inspect(second)
[_ | _] = [1]
IO.puts("non-empty")
{_ignored, kept} = {:a, :b}
IO.inspect(kept)
f = fn _, y -> y end
IO.inspect(f.(1, 2))
%{a: _} = %{a: nil}
IO.puts("key present")
