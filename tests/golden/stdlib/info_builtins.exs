# __info__(:functions) lists a module's C built-ins with its Ember-defined functions, sorted by
# name then arity, and function_exported?/3 agrees with it.
defmodule Shapes do
  def area({:square, s}), do: s * s
  def area({:rect, w, h}), do: w * h
  def zoom(x), do: x
  def zoom(x, f), do: x * f
  def abs_area(s), do: area(s)
  defp hidden(x), do: x
  def use_hidden(x), do: hidden(x)
end

IO.inspect(Shapes.__info__(:functions))
IO.inspect(Shapes.__info__(:macros))
IO.inspect(Shapes.__info__(:module))

for mod <- [String, Integer, Float, Tuple, Atom, Map, List, Kernel, Enum, Process, System, Base, Bitwise] do
  fs = mod.__info__(:functions)
  IO.inspect({mod, fs == Enum.sort(fs), fs == Enum.uniq(fs)})
end

checks = [
  {String, :upcase, 1}, {String, :split, 2}, {String, :chunk, 2}, {String, :upcase, 9},
  {Integer, :to_string, 1}, {Integer, :parse, 2}, {Tuple, :to_list, 1}, {Atom, :to_string, 1},
  {Kernel, :length, 1}, {Kernel, :elem, 2}, {Map, :get, 2}, {Map, :get, 3}, {List, :flatten, 1},
  {Float, :round, 2}, {Base, :encode64, 1}, {Shapes, :zoom, 2}, {Shapes, :hidden, 1},
  {NoSuchModule, :f, 0}
]

for {m, f, a} <- checks do
  IO.inspect({m, f, a, function_exported?(m, f, a), {f, a} in (try do m.__info__(:functions) rescue _ -> [] end)})
end

IO.inspect(Enum.take(Kernel.__info__(:functions), 6))
IO.inspect(Keyword.take(Integer.__info__(:functions), [:to_string, :parse, :digits]))
IO.inspect(Keyword.take(String.__info__(:functions), [:chunk, :reverse, :length, :trim]))
IO.inspect(Code.ensure_loaded?(Integer))
