# Calling a missing function of an existing module raises UndefinedFunctionError.
defmodule Present do
  def here, do: :here
end
IO.inspect(Present.here())
mod = Present
mod.missing(1, 2)
