defmodule Foo.Bar do
  @moduledoc "doc"
  defstruct [:a, b: 1]

  def add(a, b), do: a + b

  defp sub(a, b) when is_integer(a) and b > 0 do
    a - b
  end
end
