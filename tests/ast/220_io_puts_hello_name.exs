IO.puts("hello #{name}!")
