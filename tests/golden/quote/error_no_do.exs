IO.puts("before")
IO.inspect(quote(context: Foo))
