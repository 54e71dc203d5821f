def handle_call(:get, _from, state), do: {:reply, state, state}
