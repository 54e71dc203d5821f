# The only compiled module; the script also calls one that exists nowhere.
defmodule Greeter do
  def hello(name), do: "Hello, #{name}!"
  def via_missing(x), do: Nowhere.Helper.run(x)
end
