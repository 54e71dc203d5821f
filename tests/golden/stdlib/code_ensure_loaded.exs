# Code.ensure_loaded/1, ensure_loaded?/1 and ensure_compiled/1 for stdlib modules, modules
# defined by the script or at run time, and modules that exist nowhere.
defmodule Local do
  def hello, do: :hello
end

IO.inspect(Code.ensure_loaded?(Enum), label: "Enum?")
IO.inspect(Code.ensure_loaded(Enum), label: "Enum")
IO.inspect(Code.ensure_loaded(String), label: "String")
IO.inspect(Code.ensure_loaded(NoSuchModule), label: "NoSuchModule")
IO.inspect(Code.ensure_loaded?(NoSuchModule), label: "NoSuchModule?")
IO.inspect(Code.ensure_compiled(NoSuchModule), label: "ensure_compiled missing")
IO.inspect(Code.ensure_compiled(Enum), label: "ensure_compiled Enum")
IO.inspect(Code.ensure_loaded(Local), label: "Local")
IO.inspect(Code.ensure_loaded?(Local), label: "Local?")
IO.inspect(function_exported?(Local, :hello, 0), label: "Local.hello/0")

Code.compile_string("defmodule Later do\n  def x, do: 1\nend\n")
IO.inspect(Code.ensure_loaded(Later), label: "Later")
IO.inspect(function_exported?(Later, :x, 0), label: "Later.x/0")

for mod <- [Enum, Local, Later, NoSuchModule, :no_such_erlang_module] do
  IO.puts("#{inspect(mod)}: #{Code.ensure_loaded?(mod)}")
end

case Code.ensure_loaded(Some.Optional.Dep) do
  {:module, m} -> IO.puts("using #{inspect(m)}")
  {:error, reason} -> IO.puts("fallback, reason #{inspect(reason)}")
end
