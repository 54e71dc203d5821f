# Multi-clause functions, guards, default arguments, private helpers and module attributes.
defmodule Shipping do
  @base_rate 5
  @per_kg 2
  @zones %{domestic: 1, europe: 3, world: 5}
  @free_over 100
  @carriers [:post, :courier, :freight]

  def carriers, do: @carriers
  def zones, do: @zones |> Map.keys() |> Enum.sort()

  def cost(weight, zone \\ :domestic, express \\ false)

  def cost(weight, _zone, _express) when not is_number(weight), do: {:error, :bad_weight}
  def cost(weight, _zone, _express) when weight <= 0, do: {:error, :bad_weight}

  def cost(weight, zone, express) when is_map_key(@zones, zone) do
    base = @base_rate + ceil_kg(weight) * @per_kg * Map.fetch!(@zones, zone)
    {:ok, if(express, do: base * 2, else: base)}
  end

  def cost(_weight, zone, _express), do: {:error, {:unknown_zone, zone}}

  def carrier(weight) when weight < 2, do: :post
  def carrier(weight) when weight >= 2 and weight < 30, do: :courier
  def carrier(_weight), do: :freight

  def label(order, opts \\ [])
  def label(%{id: id, to: to}, opts) do
    prefix = Keyword.get(opts, :prefix, "ORD")
    sep = Keyword.get(opts, :sep, "-")
    "#{prefix}#{sep}#{pad(id)} to #{to}"
  end

  def total(order_value, shipping) when order_value >= @free_over, do: {order_value, 0, shipping}
  def total(order_value, shipping), do: {order_value + shipping, shipping, 0}

  def classify(x) when is_integer(x) and rem(x, 2) == 0, do: :even_int
  def classify(x) when is_integer(x), do: :odd_int
  def classify(x) when is_float(x), do: :float
  def classify([]), do: :empty
  def classify([_ | _]), do: :list
  def classify({_, _}), do: :pair
  def classify(%{}), do: :map
  def classify(x) when is_atom(x) and x in [true, false], do: :bool
  def classify(_), do: :other

  defp ceil_kg(w) when is_integer(w), do: w
  defp ceil_kg(w), do: trunc(Float.ceil(w))

  defp pad(id) when id < 10, do: "00#{id}"
  defp pad(id) when id < 100, do: "0#{id}"
  defp pad(id), do: "#{id}"
end
