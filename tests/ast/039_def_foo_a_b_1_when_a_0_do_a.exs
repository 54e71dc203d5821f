def foo(a, b \\ 1) when a > 0, do: a
