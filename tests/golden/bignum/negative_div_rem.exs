# div/rem/floor_div/mod on negative bignums.
big = Integer.pow(10, 25) + 7
for {a, b} <- [{big, 3}, {-big, 3}, {big, -3}, {-big, -3}, {big, big - 1}, {-big, Integer.pow(10, 20)}] do
  IO.puts("#{div(a, b)} #{rem(a, b)} #{Integer.floor_div(a, b)} #{Integer.mod(a, b)}")
end
IO.inspect(div(-Integer.pow(2, 64), 2))
IO.inspect(rem(-Integer.pow(2, 64) - 1, 2))
