# Calling a module that is neither compiled nor defined: UndefinedFunctionError, exit 1.
IO.puts(Greeter.hello("world"))
IO.inspect(Code.ensure_loaded?(Nowhere.Helper), label: "loaded?")
IO.inspect(Code.ensure_loaded(Nowhere.Helper), label: "ensure_loaded")

try do
  Greeter.via_missing(1)
rescue
  e in UndefinedFunctionError ->
    IO.puts("rescued: " <> Exception.message(e))
    IO.inspect({e.module, e.function, e.arity}, label: "fields")
end

mod = String.to_atom("Elixir.Also.Missing")
try do
  apply(mod, :go, [1, 2])
rescue
  e -> IO.puts("rescued: " <> Exception.message(e))
end

IO.puts("about to fail")
Missing.Module.start()
IO.puts("not reached")
