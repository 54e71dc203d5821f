# The binding that Code.eval_string/2 returns, printed as is: its order is part of the result
# (Elixir 1.14 lists the variables in descending name order, new and given ones alike).
IO.inspect(Code.eval_string("a + b", a: 1, b: 2))
IO.inspect(Code.eval_string("x", x: 1, y: 2, z: 3))
IO.inspect(Code.eval_string("c = a * 2; d = c + 1", a: 5, b: 7))
IO.inspect(Code.eval_string("x = 1; y = 2; z = 3", []))
IO.inspect(Code.eval_string("zeta = 1; alpha = 2; mid = 3"))
IO.inspect(Code.eval_string("{a, b} = {b, a}", b: 2, a: 1))
IO.inspect(Code.eval_string("q = 1; aa = 2; b = 3", zz: 0, c: 9))
