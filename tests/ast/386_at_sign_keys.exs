[foo@bar: 1, Foo@x: 2]
