# Function for Ember: identity/1 and capture/3; Function.info/1,2 are C built-ins
# (vm/bi_kernel.c).
defmodule Function do
  def identity(value), do: value

  def capture(module, function_name, arity), do: :erlang.make_fun(module, function_name, arity)
end
