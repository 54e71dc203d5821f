Foo.bar 1, 2
