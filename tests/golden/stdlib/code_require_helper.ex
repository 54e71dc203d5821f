# Helper for code_require_file.exs (not a test itself: the runners only pick *.exs).
defmodule RequiredHelper do
  def loaded_from, do: :code_require_helper
  def add(a, b), do: a + b
end
