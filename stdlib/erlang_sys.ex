# Erlang's :sys module, the debugging calls Elixir code uses on GenServers. Calls to :sys.f
# reach this module through the VM's Erlang stand-in rule (vm/vm.c: `:sys` -> Ember.Erlang.Sys).
defmodule Ember.Erlang.Sys do
  def get_state(server), do: GenServer.__sys__(server, :get_state, 5000)
  def get_state(server, timeout), do: GenServer.__sys__(server, :get_state, timeout)

  def replace_state(server, fun), do: GenServer.__sys__(server, {:replace_state, fun}, 5000)

  def replace_state(server, fun, timeout),
    do: GenServer.__sys__(server, {:replace_state, fun}, timeout)
end
