%Foo.Bar{a | b: 1}
