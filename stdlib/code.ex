# Code: compiling and evaluating source at run time. The compiler runs in the calling process
# (:ember_code.compile/3, vm/bi_code.c); it loads every module of the source and a module of
# its own holding the top-level code, which is then run here: module bodies and top-level
# expressions execute in order, as in Elixir.
defmodule Code do
  def compile_string(string, file \\ "nofile") do
    {script, modules} = :ember_code.compile(string, file, [])
    apply(script, :__script__, [])
    modules
  end

  def compile_file(file, relative_to \\ nil) do
    path = if relative_to, do: relative_to <> "/" <> file, else: file
    compile_string(File.read!(path), path)
  end

  def require_file(file, relative_to \\ nil), do: compile_file(file, relative_to)

  def eval_string(string, binding \\ [], _opts \\ []) do
    {script, _} = :ember_code.compile(string, "nofile", Keyword.keys(binding))
    apply(script, :__script__, Keyword.values(binding))
  end

  def ensure_loaded(module) when is_atom(module) do
    if :ember_code.load(module), do: {:module, module}, else: {:error, :nofile}
  end

  def ensure_loaded?(module) when is_atom(module), do: :ember_code.load(module)

  def ensure_compiled(module) when is_atom(module), do: ensure_loaded(module)

  def ensure_compiled!(module) when is_atom(module) do
    if :ember_code.load(module) do
      module
    else
      raise ArgumentError,
            "could not load module #{inspect(module)} due to reason :nofile"
    end
  end
end
