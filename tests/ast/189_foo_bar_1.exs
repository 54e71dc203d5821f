Foo.bar[1]
