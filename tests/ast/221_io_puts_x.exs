IO.puts "x"
