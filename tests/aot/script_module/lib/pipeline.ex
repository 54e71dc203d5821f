# A compiled module that calls back into a module the script defines at run time.
defmodule Pipeline do
  def run(stages, input) do
    Enum.reduce(stages, input, fn stage, acc -> stage.step(acc) end)
  end

  def run_local(input), do: Script.Stages.Double.step(input) + 1

  def names(stages), do: Enum.map(stages, &Atom.to_string/1)
end
