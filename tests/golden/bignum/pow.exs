# Integer.pow into and out of bignum range.
IO.puts(Integer.pow(2, 62))
IO.puts(Integer.pow(2, 63))
IO.puts(Integer.pow(2, 64))
IO.puts(Integer.pow(2, 100))
IO.puts(Integer.pow(-2, 101))
IO.puts(Integer.pow(10, 30))
IO.puts(Integer.pow(3, 200))
IO.inspect(Integer.pow(2, 100) == Integer.pow(4, 50))
