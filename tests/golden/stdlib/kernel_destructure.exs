# destructure/2 (a match against Kernel.Utils.destructure/2: cut, nil-padded, nil input, errors) and binding/1 with nil.
destructure([a, b, c], [1, 2, 3, 4])
IO.inspect({a, b, c})
destructure([x, y], [1])
IO.inspect({x, y})
destructure([p, q], nil)
IO.inspect({p, q})
destructure([], [1])
destructure([_, second], [:a, :b])
IO.inspect(second)
IO.inspect(destructure([m, n], [5, 6]))
IO.inspect({m, n})
z = 1
IO.inspect(binding(nil))
IO.inspect(binding())
defmodule D do
  def f(list) do
    destructure([h, t], list)
    {h, t, binding(nil)}
  end
end
IO.inspect(D.f([1]))
try do
  destructure([a, b], :atom)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
destructure([w], "bin")
