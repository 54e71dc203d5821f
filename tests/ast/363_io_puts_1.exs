IO.puts -1
