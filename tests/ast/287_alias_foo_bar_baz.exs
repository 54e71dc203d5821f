alias Foo.{Bar, Baz}
