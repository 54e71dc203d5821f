# raise with a plain string raises RuntimeError.
IO.puts("working")
raise "something went wrong: #{1 + 1}"
