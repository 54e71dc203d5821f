# Function for Ember: identity/1 (Function.info and friends need the VM's fun internals and
# are not provided).
defmodule Function do
  def identity(value), do: value
end
