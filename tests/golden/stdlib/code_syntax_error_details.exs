# The full message (with the code snippet Elixir 1.14 appends) and the fields of the syntax
# exceptions raised by Code.eval_string/1.
for src <- ["1 +", "foo(", "1 + )"] do
  try do
    Code.eval_string(src)
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect({e.file, e.line, e.column, e.description})
  end
end
