# Agent for Ember: a GenServer (Agent.Server below) whose state is changed by functions sent
# to it, exactly as Elixir's Agent is built. Functions are given either as anonymous functions
# or as {module, fun, args}, in which case the state is prepended to args.
#
# Messages (through GenServer.call/cast): {:get, fun}, {:get_and_update, fun}, {:update, fun}
# (calls) and {:cast, fun} (cast). The start function runs inside Agent.Server.init/1.
defmodule Agent do
  # ==== Starting ====

  def child_spec(arg) do
    %{id: Agent, start: {Agent, :start_link, [arg]}}
  end

  def start_link(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start_link(Agent.Server, fun, options)
  end

  def start_link(module, fun, args, options \\ []) do
    GenServer.start_link(Agent.Server, {module, fun, args}, options)
  end

  def start(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start(Agent.Server, fun, options)
  end

  def start(module, fun, args, options \\ []) do
    GenServer.start(Agent.Server, {module, fun, args}, options)
  end

  # ==== Reading and updating ====

  def get(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get, fun}, timeout)
  end

  def get(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get, {module, fun, args}}, timeout)
  end

  def get_and_update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get_and_update, fun}, timeout)
  end

  def get_and_update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get_and_update, {module, fun, args}}, timeout)
  end

  def update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:update, fun}, timeout)
  end

  def update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:update, {module, fun, args}}, timeout)
  end

  def cast(agent, fun) when is_function(fun, 1) do
    GenServer.cast(agent, {:cast, fun})
  end

  def cast(agent, module, fun, args) do
    GenServer.cast(agent, {:cast, {module, fun, args}})
  end

  def stop(agent, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(agent, reason, timeout)
  end
end

defmodule Agent.Server do
  @moduledoc false

  def init(fun), do: {:ok, run(fun, [])}

  def handle_call({:get, fun}, _from, state), do: {:reply, run(fun, [state]), state}

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, new_state} -> {:reply, reply, new_state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, run(fun, [state])}

  def handle_call(msg, _from, state), do: GenServer.__default_call__(msg, state)

  def handle_cast({:cast, fun}, state), do: {:noreply, run(fun, [state])}

  def handle_cast(msg, state), do: GenServer.__default_cast__(msg, state)

  def handle_info(msg, state), do: GenServer.__default_info__(Agent.Server, msg, state)

  def terminate(_reason, _state), do: :ok

  def code_change(_old, state, fun), do: {:ok, run(fun, [state])}

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end
