# Registry for Ember: a local key/process store built, as Elixir's is, on :ets.
#
# A registry is one GenServer (Registry.Partition below) registered under the registry's name.
# It owns three tables: the meta table, a named :set called like the registry, holding
# {:info, kind, keys_table, pids_table} and the user's metadata as {{:meta, key}, value}; the
# keys table (a :set for unique keys, a :duplicate_bag for duplicate keys) holding
# {key, {pid, value}}; and the pids table holding {pid, key, value} for keys/2 and cleanup.
# Reads (lookup, keys, values, match, count, meta) go straight to the tables from the caller;
# writes go through the partition process, which serialises them and monitors every owner so
# that its entries disappear when it dies.
#
# Deviations: always one partition (the :partitions option is accepted and ignored), owners
# are monitored rather than linked, and match/4 guards are not supported (only [] is).
defmodule Registry do
  # ==== Starting ====

  def child_spec(options) do
    %{id: Keyword.get(options, :name, Registry), start: {Registry, :start_link, [options]},
      type: :supervisor}
  end

  def start_link(options) do
    kind = Keyword.get(options, :keys)
    name = Keyword.get(options, :name)

    if kind not in [:unique, :duplicate] do
      raise ArgumentError,
            "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(kind)}"
    end

    if not is_atom(name) or name == nil do
      raise ArgumentError, "expected :name to be an atom, got: #{inspect(name)}"
    end

    meta = Keyword.get(options, :meta, [])
    GenServer.start_link(Registry.Partition, {kind, name, meta}, name: name)
  end

  # ==== Writing (through the partition process) ====

  def register(registry, key, value) do
    {_kind, _keys} = info(registry)
    GenServer.call(registry, {:register, self(), key, value})
  end

  def unregister(registry, key) do
    {_kind, _keys} = info(registry)
    GenServer.call(registry, {:unregister, self(), key})
  end

  # Only the [] guard list is supported (see the header).
  def unregister_match(registry, key, pattern, guards \\ []) do
    {_kind, keys} = info(registry)

    objects =
      for {^key, {pid, value}} = obj <- :ets.lookup(keys, key),
          pid == self(),
          matches?(pattern, guards, value),
          do: obj

    GenServer.call(registry, {:delete_objects, objects})
  end

  def update_value(registry, key, callback) when is_function(callback, 1) do
    case info(registry) do
      {:unique, keys} ->
        case :ets.lookup(keys, key) do
          [{^key, {pid, old}}] when pid == self() ->
            new = callback.(old)
            :ok = GenServer.call(registry, {:update, self(), key, new})
            {new, old}

          _ ->
            :error
        end

      {:duplicate, _} ->
        raise ArgumentError, "Registry.update_value/3 is not supported for duplicate registries"
    end
  end

  def put_meta(registry, key, value) when is_atom(key) or is_tuple(key) do
    {_kind, _keys} = info(registry)
    GenServer.call(registry, {:put_meta, key, value})
  end

  # ==== Reading (straight from the tables) ====

  def lookup(registry, key) do
    case info(registry) do
      {:unique, keys} ->
        case :ets.lookup(keys, key) do
          [{^key, {pid, _} = entry}] -> if Process.alive?(pid), do: [entry], else: []
          [] -> []
        end

      {:duplicate, keys} ->
        for {_, entry} <- :ets.lookup(keys, key), do: entry
    end
  end

  def match(registry, key, pattern, guards \\ []) when is_list(guards) do
    for {_pid, value} = entry <- lookup(registry, key), matches?(pattern, guards, value), do: entry
  end

  def count_match(registry, key, pattern, guards \\ []) do
    length(match(registry, key, pattern, guards))
  end

  def keys(registry, pid) when is_pid(pid) do
    [{:info, _kind, _keys, pids}] = info_row(registry)
    for {_, key, _} <- :ets.lookup(pids, pid), do: key
  end

  def values(registry, key, pid) when is_pid(pid) do
    for {^pid, value} <- lookup(registry, key), do: value
  end

  def count(registry) do
    {_kind, keys} = info(registry)
    :ets.info(keys, :size)
  end

  def meta(registry, key) when is_atom(key) or is_tuple(key) do
    _ = info(registry)

    case :ets.lookup(registry, {:meta, key}) do
      [{_, value}] -> {:ok, value}
      [] -> :error
    end
  end

  # Calls mfa_or_fun with the key's entries (once: there is one partition), unless there are none.
  def dispatch(registry, key, mfa_or_fun, _opts \\ []) do
    case lookup(registry, key) do
      [] -> :ok
      entries -> apply_dispatch(mfa_or_fun, entries)
    end

    :ok
  end

  defp apply_dispatch({m, f, a}, entries), do: apply(m, f, [entries | a])
  defp apply_dispatch(fun, entries), do: fun.(entries)

  # ==== {:via, Registry, {registry, key}} names ====

  def register_name({registry, key}, pid) when pid == self() do
    case register(registry, key, nil) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  def unregister_name({registry, key}), do: unregister(registry, key)

  def whereis_name({registry, key}) do
    case lookup(registry, key) do
      [{pid, _}] -> pid
      _ -> :undefined
    end
  end

  def send({registry, key}, msg) do
    case lookup(registry, key) do
      [{pid, _}] -> Kernel.send(pid, msg)
      _ -> :erlang.error(:badarg, [{registry, key}, msg])
    end
  end

  # ==== Helpers ====

  # {kind, keys_table} of a running registry, else ArgumentError "unknown registry".
  defp info(registry) do
    [{:info, kind, keys, _pids}] = info_row(registry)
    {kind, keys}
  end

  defp info_row(registry) when is_atom(registry) do
    case :ets.whereis(registry) do
      :undefined -> raise ArgumentError, "unknown registry: #{inspect(registry)}"
      _ -> :ets.lookup(registry, :info)
    end
  end

  defp info_row(registry), do: raise(ArgumentError, "unknown registry: #{inspect(registry)}")

  defp matches?(pattern, [], value), do: Ember.Erlang.Ets.__match__(pattern, value)

  defp matches?(_pattern, guards, _value) do
    raise ArgumentError, "Ember's Registry does not support match guards, got: #{inspect(guards)}"
  end
end

defmodule Registry.Partition do
  @moduledoc false
  # State: %{kind, keys: keys table, pids: pid table, name, owners: %{pid => monitor ref}}.
  # The pid table (a :duplicate_bag of {pid, key, value}) lists each owner's keys, once per
  # entry; its value (the registered one, not kept up to date by update_value/3) lets a dead
  # owner's duplicate entries be deleted without scanning the key's other entries.

  def init({kind, name, meta}) do
    :ets.new(name, [:set, :named_table, :protected, read_concurrency: true])
    type = if kind == :unique, do: :set, else: :duplicate_bag
    keys = :ets.new(:registry_keys, [type, :protected, read_concurrency: true])
    pids = :ets.new(:registry_pids, [:duplicate_bag, :protected, read_concurrency: true])
    :ets.insert(name, {:info, kind, keys, pids})
    for {k, v} <- meta, do: :ets.insert(name, {{:meta, k}, v})
    {:ok, %{kind: kind, keys: keys, pids: pids, name: name, owners: %{}}}
  end

  # A dead owner whose DOWN is still queued here no longer holds the key (as in Elixir).
  def handle_call({:register, pid, key, value}, _from, %{kind: :unique} = s) do
    case :ets.lookup(s.keys, key) do
      [{^key, {owner, _}} = old] ->
        if owner == pid or Process.alive?(owner) do
          {:reply, {:error, {:already_registered, owner}}, s}
        else
          remove_entry(s, old)
          {:reply, {:ok, self()}, add_entry(s, key, pid, value)}
        end

      [] ->
        {:reply, {:ok, self()}, add_entry(s, key, pid, value)}
    end
  end

  def handle_call({:register, pid, key, value}, _from, s) do
    {:reply, {:ok, self()}, add_entry(s, key, pid, value)}
  end

  def handle_call({:unregister, pid, key}, _from, s) do
    for {^key, {^pid, _}} = obj <- :ets.lookup(s.keys, key), do: remove_entry(s, obj)
    {:reply, :ok, s}
  end

  def handle_call({:delete_objects, objects}, _from, s) do
    Enum.each(objects, fn obj -> remove_entry(s, obj) end)
    {:reply, :ok, s}
  end

  def handle_call({:update, pid, key, value}, _from, s) do
    case :ets.lookup(s.keys, key) do
      [{^key, {^pid, _}}] -> :ets.insert(s.keys, {key, {pid, value}})
      _ -> :ok
    end

    {:reply, :ok, s}
  end

  def handle_call({:put_meta, key, value}, _from, s) do
    :ets.insert(s.name, {{:meta, key}, value})
    {:reply, :ok, s}
  end

  def handle_call(msg, _from, state), do: GenServer.__default_call__(msg, state)

  def handle_cast(msg, state), do: GenServer.__default_cast__(msg, state)

  # An owner died: drop all its entries.
  def handle_info({:DOWN, ref, :process, pid, _reason}, s) do
    case s.owners do
      %{^pid => ^ref} ->
        for {_, key, value} <- :ets.take(s.pids, pid), do: delete_dead(s, key, pid, value)

        {:noreply, %{s | owners: Map.delete(s.owners, pid)}}

      _ ->
        {:noreply, s}
    end
  end

  def handle_info(msg, state), do: GenServer.__default_info__(Registry.Partition, msg, state)

  def terminate(_reason, _state), do: :ok

  defp add_entry(s, key, pid, value) do
    :ets.insert(s.keys, {key, {pid, value}})
    :ets.insert(s.pids, {pid, key, value})

    case s.owners do
      %{^pid => _} -> s
      owners -> %{s | owners: Map.put(owners, pid, Process.monitor(pid))}
    end
  end

  # Removes one {key, {pid, value}} entry and one of its pid's rows for that key.
  defp remove_entry(s, {key, {pid, value}} = obj) do
    :ets.delete_object(s.keys, obj)
    rows = :ets.lookup(s.pids, pid)
    row = Enum.find(rows, &(&1 == {pid, key, value})) || List.keyfind(rows, key, 1)
    :ets.delete(s.pids, pid)
    :ets.insert(s.pids, List.delete(rows, row))
  end

  defp delete_dead(%{kind: :unique} = s, key, pid, _value) do
    case :ets.lookup(s.keys, key) do
      [{_, {^pid, _}}] -> :ets.delete(s.keys, key)
      _ -> true
    end
  end

  defp delete_dead(s, key, pid, value), do: :ets.delete_object(s.keys, {key, {pid, value}})
end
