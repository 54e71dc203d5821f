# Matching a string prefix with "prefix" <> rest.
"hello " <> name = "hello world"
IO.puts(name)
defmodule Cmd do
  def parse("get " <> key), do: {:get, key}
  def parse("set " <> rest), do: {:set, rest}
  def parse("" <> other), do: {:unknown, other}
end
IO.inspect(Cmd.parse("get foo"))
IO.inspect(Cmd.parse("set a=1"))
IO.inspect(Cmd.parse("del x"))
IO.inspect(Cmd.parse("get "))
case "ábc" do
  "á" <> rest -> IO.inspect(rest)
end
