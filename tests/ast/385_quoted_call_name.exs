x."foo"()
x. "foo"()
x."foo"[1]
x."foo" 1
Kernel."+"(1, 2)
&Kernel."+"/2
x.'bar'
