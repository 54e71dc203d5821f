__MODULE__.Foo
