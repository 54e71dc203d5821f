# Function.capture/3 (:erlang.make_fun/3): external funs equal to &M.f/a, callable, inspectable,
# even for functions that do not exist; bad arguments raise as on the BEAM.
for args <- [[Enum, :map, 2], [1, :a, 1], [Enum, "a", 1], [Enum, :a, -1], [Enum, :a, 256], [Enum, :a, :x], [:nomod, :f, 0], [Enum, :a, 1.0]] do
  try do
    f = apply(Function, :capture, args)
    IO.inspect({f, Function.info(f), is_function(f, Enum.at(args, 2))})
  rescue
    e -> IO.inspect({args, Exception.message(e)})
  end
end

f = Function.capture(String, :upcase, 1)
IO.inspect(f.("a"))
IO.inspect(f == &String.upcase/1)
IO.inspect(Enum.map(["x", "y"], Function.capture(String, :duplicate, 2) |> then(fn d -> &d.(&1, 2) end)))
IO.inspect(:erlang.make_fun(Kernel, :+, 2).(1, 2))
g = Function.capture(NoSuchModuleZ, :f, 0)
IO.inspect(g)
g.()
