:_foo
