# Kernel functions written in Ember. Elixir code calls them without a module prefix, so the
# compiler must list each one in compiler/kernel_imports.def. Functions in this file:
#   then/2, tap/2, get_in/2, put_in/3, update_in/3, get_and_update_in/3, pop_in/2,
#   struct/1, struct/2, struct!/1, struct!/2
# Everything else in Kernel is a C built-in ("Elixir.Kernel" rows of vm/builtins.def) or a
# compiler special form (if, and, |>, in, ...).
defmodule Kernel do
  def then(value, fun) when is_function(fun, 1), do: fun.(value)

  def tap(value, fun) when is_function(fun, 1) do
    fun.(value)
    value
  end

  # ==== Nested access ====

  def get_in(nil, [_ | _]), do: nil
  def get_in(data, [key]) when is_function(key, 3), do: key.(:get, data, fn x -> x end)
  def get_in(data, [key | rest]) when is_function(key, 3) do
    key.(:get, data, fn x -> get_in(x, rest) end)
  end

  def get_in(data, [key]), do: Access.get(data, key)
  def get_in(data, [key | rest]), do: get_in(Access.get(data, key), rest)

  def put_in(data, [_ | _] = keys, value) do
    elem(get_and_update_in(data, keys, fn _ -> {nil, value} end), 1)
  end

  def update_in(data, [_ | _] = keys, fun) when is_function(fun, 1) do
    elem(get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end), 1)
  end

  def pop_in(nil, [key | _]) do
    raise ArgumentError, "could not pop key #{inspect(key)} on a nil value"
  end

  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  defp pop_in_data(nil, [_ | _]), do: :pop

  defp pop_in_data(data, [fun]) when is_function(fun, 3) do
    fun.(:get_and_update, data, fn _ -> :pop end)
  end

  defp pop_in_data(data, [fun | tail]) when is_function(fun, 3) do
    fun.(:get_and_update, data, fn x -> pop_in_data(x, tail) end)
  end

  defp pop_in_data(data, [key]), do: Access.pop(data, key)

  defp pop_in_data(data, [key | tail]) do
    Access.get_and_update(data, key, fn x -> pop_in_data(x, tail) end)
  end

  def get_and_update_in(data, [key], fun) when is_function(key, 3) do
    key.(:get_and_update, data, fun)
  end

  def get_and_update_in(data, [key | rest], fun) when is_function(key, 3) do
    key.(:get_and_update, data, fn x -> get_and_update_in(x, rest, fun) end)
  end

  def get_and_update_in(data, [key], fun) when is_function(fun, 1) do
    Access.get_and_update(data, key, fun)
  end

  def get_and_update_in(data, [key | rest], fun) when is_function(fun, 1) do
    Access.get_and_update(data, key, fn x -> get_and_update_in(x, rest, fun) end)
  end

  # ==== Structs ====

  def struct(struct), do: struct(struct, [])

  def struct(module, fields) when is_atom(module), do: struct(module.__struct__(), fields)

  def struct(%{__struct__: _} = struct, fields) do
    Enum.reduce(fields, struct, fn {key, value}, acc ->
      if key != :__struct__ and Map.has_key?(acc, key), do: Map.put(acc, key, value), else: acc
    end)
  end

  def struct!(struct), do: struct!(struct, [])

  # As in Elixir, the module's __struct__/1 builds it, so @enforce_keys is checked.
  def struct!(module, fields) when is_atom(module), do: module.__struct__(Enum.to_list(fields))

  def struct!(%{__struct__: _} = struct, fields) do
    Enum.reduce(fields, struct, fn {key, value}, acc ->
      if key != :__struct__ and Map.has_key?(acc, key) do
        Map.put(acc, key, value)
      else
        raise KeyError, key: key, message: "key " <> inspect(key) <> " not found"
      end
    end)
  end

  # Interpolation compiles to Kernel.to_string/1 (as in Elixir's quoted form).
  def to_string(value) when is_binary(value), do: value
  def to_string(value), do: String.Chars.to_string(value)
end

# String.Chars as a protocol: a struct's `defimpl String.Chars` (compiler/protocol.c) is used
# by to_string/1 and string interpolation; every other value is converted by the C built-in
# :ember_chars.to_string/1 (vm/bi_kernel.c), which raises Protocol.UndefinedError as Elixir does.
defmodule String.Chars do
  def to_string(value) when is_binary(value), do: value

  def to_string(%{__struct__: _} = value) do
    case Ember.Protocol.impl_for(String.Chars, value, false) do
      nil -> :ember_chars.to_string(value)
      impl -> impl.to_string(value)
    end
  end

  def to_string(value), do: :ember_chars.to_string(value)
end
