# Erlang's :os module (the part a script uses): the OS family, environment variables as
# charlists, running a shell command (cmd/1, through System.run_cmd in stdlib/system.ex) and
# the system clock. Calls to :os.f reach this module through the VM's Erlang stand-in rule
# (`:os` -> Ember.Erlang.Os, vm/vm.c).
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

  # Runs [command] (a charlist or atom) with /bin/sh -c, stderr merged into stdout, and returns
  # the output as a charlist (decoded from UTF-8 when valid, else bytes). The exit status is
  # dropped, as in Erlang.
  def cmd(command) when is_atom(command) or is_list(command) do
    text = to_string(command)
    {:ok, output, _status} = System.run_cmd("/bin/sh", ["/bin/sh", "-c", text], nil, [], true)

    if String.valid?(output),
      do: String.to_charlist(output),
      else: :binary.bin_to_list(output)
  end

  def cmd(_command) do
    raise ArgumentError,
          "errors were found at the given arguments:\n\n  * 1st argument: not a list of characters\n"
  end

  def system_time, do: :erlang.system_time()
  def system_time(unit), do: :erlang.system_time(unit)
end
