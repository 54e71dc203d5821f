# Raising a custom exception module uncaught.
defmodule AppError do
  defexception message: "application failed"
end
IO.puts("before")
raise AppError, "config missing"
