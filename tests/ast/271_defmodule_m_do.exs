defmodule M do
  @doc """
  Docs here.
  """
  def f(x) when x > 0 do
    x
    |> g()
    # comment in pipeline
    |> h()
  end

  def f(_), do: :neg
end
