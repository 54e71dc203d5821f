# GenServer for Ember, written on the process primitives (spawn_link, monitors, receive).
#
# Protocol (the same messages as Erlang's gen_server, so hand-written clients interoperate):
#   * start: the starter spawns the server (linked for start_link, monitored for start), which
#     registers its name, runs init/1 and answers `{:"$gen_ack", pid, result}`; result is
#     {:ok, pid} | :ignore | {:error, reason}. After an error the server exits with the reason.
#   * call: the client monitors the server and sends {:"$gen_call", {client_pid, ref}, request};
#     the server answers {ref, reply} (GenServer.reply/2). A DOWN for the monitor, or no reply
#     within the timeout, makes the client exit with {reason, {GenServer, :call, [s, req, t]}}.
#     Difference: BEAM (OTP 24+) sends the reply to a process alias that dies with the call,
#     so a reply arriving after a timeout is dropped; Ember has no aliases yet, so such a late
#     {ref, reply} stays in the caller's mailbox (as on OTP 23 and earlier).
#   * cast: {:"$gen_cast", request}, never answered.
#   * stop: the client monitors the server and sends {:system, {pid, ref}, {:terminate, reason}};
#     the server calls terminate/2 and exits with reason, and the client waits for the DOWN.
#   * {:system, {pid, ref}, :get_state | {:replace_state, fun}} answers like a call
#     (GenServer.__sys__/3, meant to back :sys.get_state/replace_state).
#   * anything else goes to handle_info/2. An {:EXIT, parent, reason} from the starter of a
#     start_link'ed server (seen only while it traps exits) calls terminate/2 and exits.
#
# Callback errors (raise, exit, bad return values) call terminate/2, then, for a reason other
# than :normal, :shutdown or {:shutdown, _}, log Elixir's "GenServer ... terminating" report
# through Logger.error/1, and exit with the reason ({error, stacktrace} for a raise, error in
# BEAM's raw form such as :function_clause for runtime errors, see __raw_error__/1). A
# `throw` from a callback is taken as its return value, as in OTP.
#
# The default callbacks injected by `use GenServer` (compiler/use.c) call the __default_*__
# functions at the bottom of this file.
defmodule GenServer do
  # ==== Starting ====

  def start(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:nolink, module, init_arg, options)
  end

  def start_link(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:link, module, init_arg, options)
  end

  defp do_start(link, module, init_arg, options) do
    {name, opts} = Keyword.pop(options, :name)

    if not valid_name?(name) do
      raise ArgumentError,
            "expected :name option to be one of the following:\n\n  * nil\n  * atom\n" <>
              "  * {:global, term}\n  * {:via, module, term}\n\nGot: #{inspect(name)}\n"
    end

    timeout = Keyword.get(opts, :timeout, :infinity)
    starter = self()
    parent = if link == :link, do: starter, else: nil
    fun = fn -> init_it(starter, parent, name, module, init_arg) end

    if link == :link do
      sync_start_link(spawn_link(fun), timeout)
    else
      {pid, ref} = spawn_monitor(fun)
      sync_start(pid, ref, timeout)
    end
  end

  defp sync_start(pid, ref, timeout) do
    receive do
      {:"$gen_ack", ^pid, result} ->
        Process.demonitor(ref, [:flush])
        result

      {:DOWN, ^ref, :process, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.exit(pid, :kill)
        Process.demonitor(ref, [:flush])
        {:error, :timeout}
    end
  end

  defp sync_start_link(pid, timeout) do
    receive do
      {:"$gen_ack", ^pid, result} ->
        result

      {:EXIT, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.unlink(pid)
        Process.exit(pid, :kill)
        flush_exit(pid)
        {:error, :timeout}
    end
  end

  defp flush_exit(pid) do
    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  # ==== The server process ====

  # Runs in the new process: registers the name, calls init/1 and acks the starter. gs holds
  # the server's fixed data: its parent (the starter when linked, else nil), name and module.
  defp init_it(starter, parent, name, module, init_arg) do
    case register_name(name) do
      :ok ->
        Process.put(:"$ancestors", [starter])
        Process.put(:"$initial_call", {module, :init, 1})
        gs = %{parent: parent, name: name, module: module}
        init_result(gs, starter, invoke(fn -> module.init(init_arg) end))

      {:error, _} = error ->
        send(starter, {:"$gen_ack", self(), error})
        exit(:normal)
    end
  end

  defp valid_name?({:via, module, _}), do: is_atom(module)
  defp valid_name?(name), do: is_atom(name)

  defp register_name(nil), do: :ok

  defp register_name({:via, module, via_name} = name) do
    case module.register_name(via_name, self()) do
      :yes -> :ok
      :no -> {:error, {:already_started, whereis(name)}}
    end
  end

  defp register_name(name) do
    try do
      Process.register(self(), name)
      :ok
    rescue
      ArgumentError -> {:error, {:already_started, Process.whereis(name)}}
    end
  end

  defp init_result(gs, starter, {:ok, {:ok, state}}) do
    send(starter, {:"$gen_ack", self(), {:ok, self()}})
    loop(gs, state, :infinity)
  end

  defp init_result(gs, starter, {:ok, {:ok, state, timeout}}) do
    send(starter, {:"$gen_ack", self(), {:ok, self()}})
    loop(gs, state, timeout)
  end

  defp init_result(gs, starter, {:ok, :ignore}) do
    unregister(gs)
    send(starter, {:"$gen_ack", self(), :ignore})
    exit(:normal)
  end

  defp init_result(gs, starter, {:ok, {:stop, reason}}) do
    init_failed(gs, starter, reason)
  end

  defp init_result(gs, starter, {:ok, other}) do
    init_failed(gs, starter, {:bad_return_value, other})
  end

  defp init_result(gs, starter, {:error, reason, _stack}) do
    init_failed(gs, starter, reason)
  end

  defp init_failed(gs, starter, reason) do
    unregister(gs)
    send(starter, {:"$gen_ack", self(), {:error, reason}})
    exit(reason)
  end

  defp unregister(%{name: nil}), do: :ok
  defp unregister(%{name: {:via, module, name}}), do: module.unregister_name(name)
  defp unregister(%{name: name}), do: Process.unregister(name)

  # Runs a callback: {:ok, result} (a throw is a result too) or {:error, reason, crash} where
  # crash is the stacktrace, or {:exception, exception, stacktrace} after a raise (the reason
  # then holds BEAM's raw form of the error, see __raw_error__/1).
  defp invoke(fun) do
    try do
      {:ok, fun.()}
    rescue
      e -> {:error, {__raw_error__(e), __STACKTRACE__}, {:exception, e, __STACKTRACE__}}
    catch
      :throw, value -> {:ok, value}
      :exit, reason -> {:error, reason, __STACKTRACE__}
    end
  end

  # The receive loop. timeout is a number of ms, :infinity, :hibernate or {:continue, arg}.
  defp loop(gs, state, {:continue, arg}) do
    module = gs.module
    result = invoke(fn -> module.handle_continue(arg, state) end)
    handle_noreply(gs, state, result, {:continue, arg}, nil)
  end

  defp loop(gs, state, :hibernate), do: loop(gs, state, :infinity)

  defp loop(gs, state, timeout) do
    receive do
      msg -> handle_msg(gs, state, msg)
    after
      timeout -> handle_info_msg(gs, state, :timeout)
    end
  end

  defp handle_msg(gs, state, {:"$gen_call", from, request} = msg) do
    module = gs.module
    result = invoke(fn -> module.handle_call(request, from, state) end)
    handle_call_result(gs, state, result, msg, from)
  end

  defp handle_msg(gs, state, {:"$gen_cast", request} = msg) do
    module = gs.module
    result = invoke(fn -> module.handle_cast(request, state) end)
    handle_noreply(gs, state, result, msg, nil)
  end

  # :sys.get_state/replace_state (GenServer.__sys__/3): answered like calls.
  defp handle_msg(gs, state, {:system, from, :get_state}) do
    reply(from, state)
    loop(gs, state, :infinity)
  end

  defp handle_msg(gs, state, {:system, from, {:replace_state, fun}}) do
    new_state = fun.(state)
    reply(from, new_state)
    loop(gs, new_state, :infinity)
  end

  # GenServer.stop/3 (OTP's sys terminate): the report shows "Last message: []" like OTP's.
  defp handle_msg(gs, state, {:system, _from, {:terminate, reason}}) do
    terminate(gs, reason, nil, state, [], nil)
  end

  defp handle_msg(%{parent: parent} = gs, state, {:EXIT, parent, reason} = msg)
       when parent != nil do
    terminate(gs, reason, nil, state, msg, nil)
  end

  defp handle_msg(gs, state, msg), do: handle_info_msg(gs, state, msg)

  defp handle_info_msg(gs, state, msg) do
    module = gs.module
    result = invoke(fn -> module.handle_info(msg, state) end)
    handle_noreply(gs, state, result, msg, nil)
  end

  defp handle_call_result(gs, _state, {:ok, {:reply, reply, new_state}}, _msg, from) do
    reply(from, reply)
    loop(gs, new_state, :infinity)
  end

  defp handle_call_result(gs, _state, {:ok, {:reply, reply, new_state, timeout}}, _msg, from) do
    reply(from, reply)
    loop(gs, new_state, timeout)
  end

  defp handle_call_result(gs, _state, {:ok, {:stop, reason, reply, new_state}}, msg, from) do
    terminate(gs, reason, nil, new_state, msg, from, fn -> reply(from, reply) end)
  end

  defp handle_call_result(gs, state, result, msg, from) do
    handle_noreply(gs, state, result, msg, from)
  end

  defp handle_noreply(gs, _state, {:ok, {:noreply, new_state}}, _msg, _from) do
    loop(gs, new_state, :infinity)
  end

  defp handle_noreply(gs, _state, {:ok, {:noreply, new_state, timeout}}, _msg, _from) do
    loop(gs, new_state, timeout)
  end

  defp handle_noreply(gs, _state, {:ok, {:stop, reason, new_state}}, msg, from) do
    terminate(gs, reason, nil, new_state, msg, from)
  end

  defp handle_noreply(gs, state, {:ok, other}, msg, from) do
    terminate(gs, {:bad_return_value, other}, nil, state, msg, from)
  end

  defp handle_noreply(gs, state, {:error, reason, stack}, msg, from) do
    terminate(gs, reason, stack, state, msg, from)
  end

  # ==== Termination ====

  defp terminate(gs, reason, stack, state, msg, from, after_fun \\ nil) do
    module = gs.module

    {reason, stack} =
      if function_exported?(module, :terminate, 2) do
        case invoke(fn -> module.terminate(reason, state) end) do
          {:ok, _} -> {reason, stack}
          {:error, new_reason, new_stack} -> {new_reason, new_stack}
        end
      else
        {reason, stack}
      end

    if after_fun, do: after_fun.()

    unless normal_reason?(reason) do
      Logger.error(crash_report(gs, reason, stack, state, msg, from))
    end

    exit(reason)
  end

  defp normal_reason?(:normal), do: true
  defp normal_reason?(:shutdown), do: true
  defp normal_reason?({:shutdown, _}), do: true
  defp normal_reason?(_), do: false

  defp crash_report(gs, reason, stack, state, msg, from) do
    who = if gs.name, do: inspect(gs.name), else: inspect(self())

    "GenServer #{who} terminating\n" <>
      format_reason(reason, stack) <>
      last_message(msg, from) <> "\nState: #{inspect(state)}" <> client_line(from)
  end

  defp last_message(msg, nil), do: "\nLast message: #{inspect(msg)}"

  defp last_message(msg, {pid, _tag}) do
    request = if is_tuple(msg) and elem(msg, 0) == :"$gen_call", do: elem(msg, 2), else: msg
    "\nLast message (from #{inspect(pid)}): #{inspect(request)}"
  end

  defp client_line(nil), do: ""

  defp client_line({pid, _tag}) do
    if Process.alive?(pid) do
      "\nClient #{inspect(pid)} is alive\n"
    else
      "\nClient #{inspect(pid)} is dead"
    end
  end

  @doc false
  # "** (Kind) message" plus stack lines, the way Elixir's logger prints an exit reason.
  def __format_reason__(reason, stack), do: format_reason(reason, stack)

  defp format_reason(_reason, {:exception, e, stack}), do: format_reason({e, stack}, nil)

  defp format_reason({%{__exception__: true, __struct__: kind} = e, stack}, _) when is_list(stack) do
    "** (#{inspect(kind)}) #{Exception.message(e)}" <> format_stack(stack)
  end

  defp format_reason(reason, stack) do
    "** (stop) " <> __format_exit__(reason) <> format_stack(stack)
  end

  @doc false
  # Exception.format_exit/1 for the common exit reasons.
  def __format_exit__(reason), do: format_exit(reason, "\n    ")

  defp format_exit({reason, {module, fun, args}}, joiner) when is_atom(module) and is_list(args) do
    call = "#{inspect(module)}.#{fun}(#{Enum.map_join(args, ", ", fn a -> inspect(a) end)})"
    "exited in: #{call}" <> joiner <> "** (EXIT) " <> format_exit(reason, joiner <> "    ")
  end

  defp format_exit({%{__exception__: true, __struct__: kind} = e, [_ | _]}, joiner) do
    "an exception was raised:" <> joiner <> "** (#{inspect(kind)}) #{Exception.message(e)}"
  end

  defp format_exit(reason, _joiner), do: format_exit_reason(reason)

  defp format_exit_reason(:normal), do: "normal"
  defp format_exit_reason(:shutdown), do: "shutdown"
  defp format_exit_reason({:shutdown, reason}), do: "shutdown: #{inspect(reason)}"
  defp format_exit_reason(:calling_self), do: "process attempted to call itself"
  defp format_exit_reason(:timeout), do: "time out"
  defp format_exit_reason(:killed), do: "killed"
  defp format_exit_reason(:noconnection), do: "no connection"

  defp format_exit_reason(:noproc) do
    "no process: the process is not alive or there's no process currently associated with " <>
      "the given name, possibly because its application isn't started"
  end

  defp format_exit_reason({:bad_return_value, value}), do: "bad return value: #{inspect(value)}"
  defp format_exit_reason({:bad_call, request}), do: "bad call: #{inspect(request)}"
  defp format_exit_reason({:bad_cast, request}), do: "bad cast: #{inspect(request)}"
  defp format_exit_reason(reason), do: inspect(reason)

  # Frames of the OTP modules themselves are left out: Elixir shows its own gen_server and
  # proc_lib frames there, which Ember cannot reproduce.
  defp format_stack(stack) when is_list(stack) do
    stack
    |> Enum.reject(fn entry -> otp_frame?(entry) end)
    |> Enum.map_join("", fn entry -> "\n    " <> format_entry(entry) end)
  end

  defp format_stack(_), do: ""

  defp otp_frame?({mod, _, _, _}) do
    mod in [GenServer, Task, Agent.Server, Supervisor.Server, DynamicSupervisor.Server]
  end

  defp otp_frame?(_), do: false

  defp format_entry({mod, fun, arity, info}) when is_list(info) do
    arity = if is_list(arity), do: length(arity), else: arity
    location = format_location(Keyword.get(info, :file), Keyword.get(info, :line))
    location <> format_mfa(mod, Atom.to_string(fun), arity)
  end

  defp format_entry(other), do: inspect(other)

  # A lambda "-parent/1-fun-0-" prints as "anonymous fn/N in Mod.parent/1" (vm/error.c).
  defp format_mfa(mod, "-" <> rest = name, arity) do
    case String.split(rest, "-fun-", parts: 2) do
      ["__script__/0", _] when mod == :ember_script ->
        "anonymous fn/#{arity} in :elixir_compiler_0.__FILE__/1"

      [parent, _] ->
        "anonymous fn/#{arity} in #{inspect(mod)}.#{parent}"

      _ ->
        "#{inspect(mod)}.#{name}/#{arity}"
    end
  end

  defp format_mfa(mod, name, arity), do: "#{inspect(mod)}.#{name}/#{arity}"

  defp format_location(nil, _), do: ""
  defp format_location(file, nil), do: "#{file}: "
  defp format_location(file, line), do: "#{file}:#{line}: "

  # The exit reason BEAM gives an error the runtime raised: Ember raises Elixir structs
  # everywhere, so they are mapped back to the raw terms ({:badmatch, v}, :function_clause, ...)
  # as vm/exit_report.c does for uncaught errors. Custom exceptions stay structs.
  @doc false
  def __raw_error__(%{__struct__: name} = e) do
    case name do
      MatchError -> {:badmatch, e.term}
      CaseClauseError -> {:case_clause, e.term}
      WithClauseError -> {:with_clause, e.term}
      TryClauseError -> {:try_clause, e.term}
      BadMapError -> {:badmap, e.term}
      BadFunctionError -> {:badfun, e.term}
      FunctionClauseError -> :function_clause
      CondClauseError -> :cond_clause
      ErlangError -> e.original
      BadArityError -> {:badarity, {e.function, e.args}}
      BadBooleanError -> {:badbool, e.operator, e.term}
      KeyError -> raw_key_error(e)
      _ -> raw_message_error(name, e)
    end
  end

  def __raw_error__(other), do: other

  defp raw_key_error(%{term: term, key: key, message: message} = e) do
    if is_map(term) or (term == nil and message == nil), do: {:badkey, key}, else: e
  end

  defp raw_message_error(ArithmeticError, %{message: "bad argument in arithmetic expression"}),
    do: :badarith

  defp raw_message_error(ArgumentError, %{message: "argument error"}), do: :badarg

  defp raw_message_error(ArgumentError, %{message: "errors were found at the given arguments" <> _}),
    do: :badarg

  defp raw_message_error(SystemLimitError, %{message: "a system limit has been reached"}),
    do: :system_limit

  defp raw_message_error(UndefinedFunctionError, %{message: nil}), do: :undef
  defp raw_message_error(_, e), do: e

  # ==== Client API ====

  def call(server, request, timeout \\ 5000) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :call, [server, request, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :call, [server, request, timeout]}})

      pid ->
        do_call(pid, server, request, timeout)
    end
  end

  defp do_call(pid, server, request, timeout) do
    case call_tagged(pid, :"$gen_call", request, timeout) do
      {:ok, reply} -> reply
      {:exit, reason} -> exit({reason, {GenServer, :call, [server, request, timeout]}})
    end
  end

  # Sends {tag, {self(), ref}, request} to pid and waits for {ref, reply} or the DOWN.
  defp call_tagged(pid, tag, request, timeout) do
    ref = Process.monitor(pid)
    send(pid, {tag, {self(), ref}, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout ->
        # :ember_drop_replies: a reply that comes later is dropped on arrival, as OTP's
        # process aliases do (an Ember extension of demonitor's options).
        Process.demonitor(ref, [:flush, :ember_drop_replies])
        {:exit, :timeout}
    end
  end

  @doc false
  # :sys.get_state/1,2 (request :get_state) and :sys.replace_state/2,3 (request
  # {:replace_state, fun}) for GenServer-based processes; the caller exits with
  # {reason, {:sys, function, args}} like OTP's.
  def __sys__(server, request, timeout \\ 5000) do
    {function, args} =
      case request do
        :get_state -> {:get_state, [server, timeout]}
        {:replace_state, fun} -> {:replace_state, [server, fun, timeout]}
      end

    case whereis(server) do
      nil ->
        exit({:noproc, {:sys, function, args}})

      pid ->
        case call_tagged(pid, :system, request, timeout) do
          {:ok, reply} -> reply
          {:exit, reason} -> exit({reason, {:sys, function, args}})
        end
    end
  end

  def cast({:via, module, name}, request),
    do: cast_quietly(fn -> module.send(name, {:"$gen_cast", request}) end)

  def cast(server, request) when is_atom(server) or is_pid(server),
    do: cast_quietly(fn -> send(server, {:"$gen_cast", request}) end)

  # A cast never fails, whatever the destination (an unknown name, a dead via name ...).
  defp cast_quietly(send_fun) do
    try do
      send_fun.()
      :ok
    rescue
      _ -> :ok
    catch
      _, _ -> :ok
    end
  end

  def reply({to, tag}, reply) when is_pid(to) do
    send(to, {tag, reply})
    :ok
  end

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :stop, [server, reason, timeout]}})

      pid ->
        do_stop(pid, server, reason, timeout)
    end
  end

  defp do_stop(pid, server, reason, timeout) do
    ref = Process.monitor(pid)
    send(pid, {:system, {self(), ref}, {:terminate, reason}})

    receive do
      {:DOWN, ^ref, _, _, ^reason} ->
        :ok

      {:DOWN, ^ref, _, _, other} ->
        exit({other, {GenServer, :stop, [server, reason, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
    end
  end

  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name), do: Process.whereis(name)
  def whereis({name, _node}) when is_atom(name), do: Process.whereis(name)

  def whereis({:via, module, name}) do
    case module.whereis_name(name) do
      pid when is_pid(pid) -> pid
      _ -> nil
    end
  end
  def whereis(_), do: nil

  # ==== Defaults injected by `use GenServer` (compiler/use.c) ====

  @doc false
  def __default_call__(msg, state) do
    _ = msg
    _ = state
    raise "attempted to call GenServer #{inspect(proc_name())} but no handle_call/3 clause was provided"
  end

  @doc false
  def __default_cast__(msg, state) do
    _ = msg
    _ = state
    raise "attempted to cast GenServer #{inspect(proc_name())} but no handle_cast/2 clause was provided"
  end

  @doc false
  def __default_info__(module, msg, state) do
    Logger.error(
      "#{inspect(module)} #{inspect(proc_name())} received unexpected message in handle_info/2: " <>
        inspect(msg) <> "\n"
    )

    {:noreply, state}
  end

  defp proc_name do
    case Process.info(self(), :registered_name) do
      {_, []} -> self()
      {_, name} -> name
      _ -> self()
    end
  end
end
