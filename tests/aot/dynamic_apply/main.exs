# apply/3 and dynamic remote calls with module atoms built at run time.
data = [a: 1, b: 2, c: 3]

for fmt <- ["json", "csv", "text"] do
  mod = String.to_atom("Elixir.Handlers." <> String.capitalize(fmt))
  IO.inspect(mod)
  IO.puts(apply(mod, :mime, []))
  IO.puts(apply(mod, :render, [data]))
end

mod = String.to_atom("Elixir.Handlers." <> "Text")
IO.puts(mod.render(x: "y"))
IO.inspect(apply(Handlers.Json, :render, [[n: nil]]))
IO.inspect(String.to_existing_atom("Elixir.Handlers.Csv") == Handlers.Csv, label: "atom ==")
fun = :render
IO.puts(apply(:"Elixir.Handlers.Json", fun, [[k: "v"]]))
captured = &Handlers.Csv.mime/0
IO.puts(captured.())

try do
  apply(String.to_atom("Elixir.Handlers." <> "Xml"), :render, [data])
rescue
  e in UndefinedFunctionError -> IO.puts(Exception.message(e))
end

try do
  apply(Handlers.Json, :render, [data, :extra])
rescue
  e in UndefinedFunctionError -> IO.puts(Exception.message(e))
end
