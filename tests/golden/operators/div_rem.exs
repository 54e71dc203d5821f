# div/rem truncate toward zero; Integer.floor_div/mod floor.
for {a, b} <- [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 3}, {6, 3}] do
  IO.puts("#{a},#{b}: div=#{div(a, b)} rem=#{rem(a, b)} floor_div=#{Integer.floor_div(a, b)} mod=#{Integer.mod(a, b)}")
end
