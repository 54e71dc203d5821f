# defdelegate: to a module, with as:, with a default argument, to an Erlang module, and
# delegating functions used through captures.
defmodule Strings do
  defdelegate up(s), to: String, as: :upcase
  defdelegate length(s), to: String
  defdelegate pad(s, n, c \\ " "), to: String, as: :pad_leading
  defdelegate rev(l), to: :lists, as: :reverse
end

defmodule Stack do
  defstruct items: []
  def push(%Stack{items: i} = s, x), do: %{s | items: [x | i]}
  def size(%Stack{items: i}), do: Kernel.length(i)
end

defmodule Api do
  defdelegate push(stack, x), to: Stack
  defdelegate size(stack), to: Stack
  def new, do: %Stack{}
end

IO.puts(Strings.up("hello"))
IO.inspect(Strings.length("héllo"))
IO.inspect(Strings.pad("7", 3))
IO.inspect(Strings.pad("7", 3, "0"))
IO.inspect(Strings.rev([1, 2, 3]))
IO.inspect(Enum.map(["a", "b"], &Strings.up/1))
s = Api.new() |> Api.push(1) |> Api.push(2)
IO.inspect(Api.size(s))
