# Stages compiled ahead of time.
defmodule Stages.Inc do
  def step(x), do: x + 1
end

defmodule Stages.Square do
  def step(x), do: x * x
end
