# defimpl of Elixir's own protocols: String.Chars (to_string and interpolation) and Enumerable
# (Enum over a custom struct through Enumerable.List.reduce).
defmodule Money do
  defstruct [:cents]

  defimpl String.Chars do
    def to_string(%{cents: c}), do: "$#{div(c, 100)}.#{String.pad_leading(Integer.to_string(rem(c, 100)), 2, "0")}"
  end
end

defmodule Bag do
  defstruct items: []

  defimpl Enumerable do
    def reduce(%{items: items}, acc, fun), do: Enumerable.List.reduce(items, acc, fun)
    def count(%{items: items}), do: {:ok, length(items)}
    def member?(%{items: items}, x), do: {:ok, x in items}
    def slice(_), do: {:error, __MODULE__}
  end
end

defmodule Main do
  def run do
    m = %Money{cents: 1234}
    IO.puts("total: #{m}")
    IO.puts(to_string(m))
    b = %Bag{items: [3, 1, 2]}
    IO.inspect(Enum.sort(b))
    IO.inspect(Enum.map(b, &(&1 * 10)))
    IO.inspect(Enum.count(b))
    IO.inspect(Enum.sum(b))
    IO.puts("#{1} #{:a} #{"s"} #{[?a]} #{1.5}")
  end
end

Main.run()
