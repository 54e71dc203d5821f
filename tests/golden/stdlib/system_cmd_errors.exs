# System.cmd/3 errors: a missing program (ErlangError :enoent), bad arguments and options.
try do
  System.cmd("nonexistent_cmd_xyz", [])
rescue
  e -> IO.inspect({e, Exception.message(e)})
end

try do
  System.cmd("/nonexistent/program", ["a"])
rescue
  e -> IO.inspect(e)
end

try do
  System.cmd("nonexistent_cmd_xyz", [], foo: 1)
rescue
  e -> IO.inspect(e)
end

for {command, args, opts} <- [
      {"echo", [:atom], []},
      {"echo", ["ok", 1], []},
      {"ec\0ho", [], []},
      {"echo", [], [foo: 1]},
      {"echo", [], [cd: :root]},
      {"echo", [], [stderr_to_stdout: :yes]},
      {"echo", [], [env: [:x]]},
      {"echo", [], [env: [{"A", "1", "2"}]]}
    ] do
  try do
    System.cmd(command, args, opts)
  rescue
    e in ArgumentError -> IO.inspect(e)
  end
end

for bad <- [fn -> System.cmd(:echo, []) end, fn -> System.cmd("echo", "a") end,
            fn -> System.find_executable(:sh) end] do
  try do
    bad.()
  rescue
    e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
  end
end
