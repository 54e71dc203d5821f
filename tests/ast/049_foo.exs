:Foo
