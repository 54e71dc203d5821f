# Syntax errors in Code.eval_string/1 and Code.compile_string/2 are raised as exceptions that
# can be rescued: the exception module and the first line of the message.
for src <- ["1 +", "foo(", "1 + )", "defmodule M do\n  def f, do: 1\n", "[1, 2", "\"open", "%{a: }"] do
  try do
    Code.eval_string(src)
    IO.puts("no error for #{inspect(src)}")
  rescue
    e ->
      [first | _] = String.split(Exception.message(e), "\n")
      IO.puts(inspect(e.__struct__) <> ": " <> first)
  end
end

try do
  Code.compile_string("defmodule Broken do\n  def f(, do: 1\nend\n", "broken.ex")
rescue
  e ->
    [first | _] = String.split(Exception.message(e), "\n")
    IO.puts(inspect(e.__struct__) <> ": " <> first)
end

result =
  try do
    Code.eval_string("1 +")
  rescue
    _ in [SyntaxError, TokenMissingError] -> :syntax_family
  end
IO.inspect(result)
IO.puts("still running")
