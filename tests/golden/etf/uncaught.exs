# An invalid encoding raised and not rescued: the error line Elixir prints.
IO.puts("before")
:erlang.binary_to_term(<<131, 108, 0, 0, 0, 9, 97, 1>>)
IO.puts("not reached")
