# Module's run-time helpers for module names (aliases): split/1, concat/1,2 and
# safe_concat/1,2, as Elixir 1.14 (with :elixir_aliases' rules for joining). The
# compile-time Module functions (attributes, definitions) belong with macros, which Ember
# does not have.
defmodule Module do
  def split(module) when is_atom(module), do: split_name(Atom.to_string(module), module)
  def split(module) when is_binary(module), do: split_name(module, module)

  defp split_name("Elixir." <> name, _original), do: String.split(name, ".")

  defp split_name(_name, original) do
    raise ArgumentError, "expected an Elixir module, got: #{inspect(original)}"
  end

  def concat(list) when is_list(list), do: String.to_atom(alias_text(list))

  def concat(left, right)
      when (is_binary(left) or is_atom(left)) and (is_binary(right) or is_atom(right)) do
    concat([left, right])
  end

  def safe_concat(list) when is_list(list), do: String.to_existing_atom(alias_text(list))

  def safe_concat(left, right)
      when (is_binary(left) or is_atom(left)) and (is_binary(right) or is_atom(right)) do
    safe_concat([left, right])
  end

  # The first part starts the name when it is already "Elixir" or "Elixir.X" (as text or
  # atom); otherwise the name starts with "Elixir". Later parts are appended after a dot,
  # without their own "Elixir." or leading dot; nil parts are skipped.
  defp alias_text([first | rest]) when is_atom(first) and first != nil,
    do: alias_text([Atom.to_string(first) | rest])

  defp alias_text(["Elixir." <> _ = first | rest]), do: append_parts(rest, first)
  defp alias_text(["Elixir" | rest]), do: append_parts(rest, "Elixir")
  defp alias_text(parts), do: append_parts(parts, "Elixir")

  defp append_parts([], acc), do: acc
  defp append_parts([nil | rest], acc), do: append_parts(rest, acc)

  defp append_parts([part | rest], acc) when is_atom(part),
    do: append_parts([Atom.to_string(part) | rest], acc)

  defp append_parts([part | rest], acc) when is_binary(part),
    do: append_parts(rest, acc <> "." <> partial(part))

  defp partial("Elixir." <> name), do: name
  defp partial("." <> name), do: name
  defp partial(name), do: name
end
