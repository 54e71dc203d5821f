def foo(x \\ 1), do: x
