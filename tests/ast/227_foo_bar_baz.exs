foo(bar baz)
