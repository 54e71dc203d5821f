# Erlang's :os module (the part a script uses): the OS family, environment variables as
# charlists, and the system clock. Calls to :os.f reach this module through the VM's Erlang
# stand-in rule (`:os` -> Ember.Erlang.Os, vm/vm.c).
defmodule Ember.Erlang.Os do
  def type, do: {:unix, :linux}

  # The value of variable `name` (a charlist) as a charlist, or false when it is not set.
  def getenv(name) when is_list(name) do
    case System.get_env(List.to_string(name)) do
      nil -> false
      value -> String.to_charlist(value)
    end
  end

  def getenv(_name) do
    raise ArgumentError,
          "errors were found at the given arguments:\n\n  * 1st argument: not a list\n"
  end

  # The value of `name`, or `default` when it is not set.
  def getenv(name, default) do
    case getenv(name) do
      false -> default
      value -> value
    end
  end

  def system_time, do: :erlang.system_time()
  def system_time(unit), do: :erlang.system_time(unit)
end
