# Kernel functions written in Ember. Elixir code calls them without a module prefix, so the
# compiler must list each one in compiler/kernel_imports.def. Functions in this file:
#   then/2, tap/2, get_in/2, put_in/3, update_in/3, get_and_update_in/3, pop_in/2,
#   struct/1, struct/2, struct!/1, struct!/2, apply/2, apply/3 (for Kernel.apply and
#   &apply/2 captures; plain apply calls are a compiler form), binary_slice/2, binary_slice/3,
#   macro_exported?/3, node/1, to_char_list/1 (deprecated)
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

  # ==== apply, binary_slice, macro_exported?, node/1 ====

  # A module that defines apply/2 cannot use the compiler's apply form, so these go through
  # Ember.KernelApply.
  def apply(fun, args), do: Ember.KernelApply.call(fun, args)
  def apply(module, fun, args), do: Ember.KernelApply.call(module, fun, args)

  def binary_slice(binary, start, size)
      when is_binary(binary) and is_integer(start) and is_integer(size) and size >= 0 do
    total = byte_size(binary)
    start = if start < 0, do: max(total + start, 0), else: start
    if start < total, do: binary_part(binary, start, min(size, total - start)), else: ""
  end

  def binary_slice(binary, %{__struct__: Range, first: first, last: last, step: step})
      when is_binary(binary) and step > 0 do
    total = byte_size(binary)
    first = if first < 0, do: max(first + total, 0), else: first
    last = if last < 0, do: last + total, else: last
    amount = last - first + 1

    if first < total and amount > 0 do
      every_nth(binary_part(binary, first, min(amount, total - first)), step)
    else
      ""
    end
  end

  def binary_slice(binary, %{__struct__: Range} = range) when is_binary(binary) do
    raise ArgumentError,
          "binary_slice/2 does not accept ranges with negative steps, got: #{inspect(range)}"
  end

  defp every_nth(part, 1), do: part

  defp every_nth(part, step) do
    count = div(byte_size(part) - 1, step) + 1
    IO.iodata_to_binary(Enum.map(0..(count - 1), fn i -> :binary.at(part, i * step) end))
  end

  # Ember has no macros: no module exports one.
  def macro_exported?(module, macro, arity)
      when is_atom(module) and is_atom(macro) and is_integer(arity) and arity >= 0 and arity <= 255 do
    function_exported?(module, :__info__, 1) and {macro, arity} in module.__info__(:macros)
  end

  # Deprecated in Elixir 1.14 (a macro there) but still working.
  def to_char_list(term), do: to_charlist(term)

  def node(arg) when is_pid(arg) or is_reference(arg) or is_port(arg), do: :nonode@nohost

  def node(_arg) do
    raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a pid\n"
  end
end

# destructure/2 compiles to a match against Kernel.Utils.destructure/2 (compiler/desugar.c).
defmodule Kernel.Utils do
  def destructure(list, count) when is_list(list), do: take_padded(list, count)
  def destructure(nil, count), do: take_padded([], count)

  defp take_padded(_, 0), do: []
  defp take_padded([], count), do: [nil | take_padded([], count - 1)]
  defp take_padded([h | t], count), do: [h | take_padded(t, count - 1)]
end

defmodule Ember.KernelApply do
  def call(fun, args), do: apply(fun, args)
  def call(module, fun, args), do: apply(module, fun, args)
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
