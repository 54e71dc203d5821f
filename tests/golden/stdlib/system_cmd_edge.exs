# System.cmd/3 edge cases that follow the BEAM's port behaviour: arguments are C strings (cut at
# a NUL byte), a program that cannot be executed or a bad cd: directory give the errno as exit
# status (the BEAM also prints "spawn: Could not cd to ..." on stderr), a NUL byte in the
# environment is open_port's ArgumentError.
IO.inspect(System.cmd("echo", ["a\0b", "c"]))
IO.inspect(System.cmd("/", []))
IO.inspect(System.cmd("echo", ["x"], cd: "/nonexistent_dir_for_ember_test"))
IO.inspect(System.cmd("echo", ["x"], cd: "/etc/passwd"))

try do
  System.cmd("echo", ["x"], env: [{"A", "b\0"}])
rescue
  e -> IO.inspect(e)
end

try do
  System.cmd("echo", ["x"], env: [{'A', "b"}])
rescue
  e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
end
