# The script defines its own modules and mixes them with compiled ones; a compiled module
# calls a module that only the script defines.
defmodule Script.Stages.Double do
  def step(x), do: x * 2
end

defmodule Script.Runner do
  @stages [Stages.Inc, Script.Stages.Double, Stages.Square]

  def go(x), do: Pipeline.run(@stages, x)
  def stages, do: @stages
end

IO.inspect(Script.Runner.go(3), label: "go(3)")
IO.inspect(Pipeline.run([Stages.Square, Stages.Square], 3), label: "square twice")
IO.inspect(Pipeline.run([], 7), label: "no stages")
IO.inspect(Pipeline.run_local(10), label: "run_local")
IO.inspect(Pipeline.names(Script.Runner.stages()), label: "names")
IO.inspect(Enum.map(1..5, &Script.Runner.go/1), label: "1..5")
