# The match operator binds variables and returns the right side.
x = 1
IO.inspect(x)
{a, b} = {2, 3}
IO.inspect(a + b)
[h | t] = [1, 2, 3]
IO.inspect({h, t})
y = z = 5
IO.inspect({y, z})
r = ({c, _} = {:left, :right})
IO.inspect({c, r})
1 = x
IO.puts("1 = x matched")
x = 10
IO.inspect(x)
"str" = "str"
IO.puts("literal match ok")
