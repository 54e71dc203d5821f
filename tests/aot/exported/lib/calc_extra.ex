# A second module that is only ever loaded through Code.ensure_loaded/1.
defmodule Calc.Extra do
  def double(x), do: Calc.add(x, x)
end
