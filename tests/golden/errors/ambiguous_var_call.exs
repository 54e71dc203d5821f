# `a -1` where a is a variable is ambiguous and rejected at compile time.
defmodule M do
  def run do
    a = 5
    IO.inspect(a -1)
  end
end
M.run()
