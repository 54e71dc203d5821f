# A traffic-light/vending state machine driven by events
defmodule Vending do
  def step(:idle, {:coin, n}), do: {:has_money, n}
  def step({:has_money, m}, {:coin, n}), do: {:has_money, m + n}
  def step({:has_money, m}, {:select, price}) when m >= price, do: {:dispense, m - price}
  def step({:has_money, m}, {:select, price}), do: {:need_more, m, price - m}
  def step({:need_more, m, _}, {:coin, n}), do: step({:has_money, m}, {:coin, n})
  def step({:dispense, 0}, :take), do: :idle
  def step({:dispense, change}, :take), do: {:change, change}
  def step({:change, _}, :take_change), do: :idle
  def step(state, :cancel), do: {:refund, state}
  def step(state, event), do: {:error, state, event}
end

events = [{:coin, 25}, {:select, 75}, {:coin, 25}, {:coin, 50}, {:select, 75}, :take, :take_change, :bogus]
Enum.reduce(events, :idle, fn e, s ->
  ns = Vending.step(s, e)
  IO.puts("#{inspect(s)} --#{inspect(e)}--> #{inspect(ns)}")
  ns
end)

defmodule Light do
  @cycle %{green: :yellow, yellow: :red, red: :green}
  @durations %{green: 30, yellow: 5, red: 20}
  def run(state, 0, acc), do: Enum.reverse([state | acc])
  def run(state, n, acc), do: run(@cycle[state], n - 1, [state | acc])
  def total(states), do: states |> Enum.map(&@durations[&1]) |> Enum.sum()
end
states = Light.run(:green, 7, [])
IO.inspect(states)
IO.inspect(Light.total(states))
