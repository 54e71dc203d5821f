# Protocol dispatch for modules made by defprotocol (compiler/protocol.c rewrites defprotocol and
# defimpl into plain modules): the implementation of protocol P for a value is the module
# P.<Type>: the struct's module for a struct, else the built-in type's name (Integer, Float,
# Atom, BitString, List, Map, Tuple, Function, PID, Reference), else P.Any when the protocol
# falls back to Any. As in Elixir, a struct does not fall back to Map.
defmodule Ember.Protocol do
  @moduledoc false

  def impl_for(protocol, value, fallback) do
    impl = concat(protocol, type_name(value))

    cond do
      :ember_code.load(impl) -> impl
      fallback and :ember_code.load(concat(protocol, Any)) -> concat(protocol, Any)
      true -> nil
    end
  end

  def impl!(protocol, value, fallback) do
    case impl_for(protocol, value, fallback) do
      nil -> raise Protocol.UndefinedError, protocol: protocol, value: value, description: ""
      impl -> impl
    end
  end

  defp concat(protocol, type) do
    :erlang.binary_to_atom(Atom.to_string(protocol) <> "." <> strip(Atom.to_string(type)))
  end

  defp strip("Elixir." <> name), do: name
  defp strip(name), do: name

  defp type_name(%{__struct__: module}) when is_atom(module), do: module
  defp type_name(value) when is_integer(value), do: Integer
  defp type_name(value) when is_float(value), do: Float
  defp type_name(value) when is_atom(value), do: Atom
  defp type_name(value) when is_bitstring(value), do: BitString
  defp type_name(value) when is_list(value), do: List
  defp type_name(value) when is_map(value), do: Map
  defp type_name(value) when is_tuple(value), do: Tuple
  defp type_name(value) when is_function(value), do: Function
  defp type_name(value) when is_pid(value), do: PID
  defp type_name(value) when is_reference(value), do: Reference
  defp type_name(_), do: Any
end
