# Boolean operators with non-boolean operands
IO.inspect(nil && 1)
IO.inspect(false || nil)
IO.inspect(1 && 2)
IO.inspect(0 || 1)
IO.inspect(!0)
IO.inspect(!!nil)
IO.inspect(true and :x)
IO.inspect(false or [1])
IO.inspect(is_boolean(nil))
IO.puts("strict and now")
1 and true
