# Code: compiling and evaluating source at run time. The compiler runs in the calling process
# (:ember_code.compile/3, vm/bi_code.c); it loads every module of the source and a module of
# its own holding the top-level code, which is then run here: module bodies and top-level
# expressions execute in order, as in Elixir.
defmodule Code do
  def compile_string(string, file \\ "nofile") do
    {script, modules} = compile!(string, file, [])
    apply(script, :__script__, [])
    modules
  end

  def compile_file(file, relative_to \\ nil) do
    path = if relative_to, do: relative_to <> "/" <> file, else: file
    case File.read(path) do
      {:ok, source} -> compile_string(source, path)
      {:error, reason} -> raise Code.LoadError, file: path, message: load_error(path, reason), reason: reason
    end
  end

  # nil when the file was already required (by path, as given), as in Elixir.
  def require_file(file, relative_to \\ nil) do
    path = if relative_to, do: relative_to <> "/" <> file, else: file
    if :ember_code.first_require(path), do: compile_file(path), else: nil
  end

  def eval_string(string, binding \\ [], _opts \\ []) do
    binding = Enum.map(binding, &binding_var/1)
    {script, _} = compile!(string, "nofile", Keyword.keys(binding))
    {value, binding} = apply(script, :__script__, Keyword.values(binding))
    {value, sort_binding(binding)}
  end

  # A binding entry {{name, Context}, value} (a variable quoted in Context) is bound as
  # :"name@Context", the name compiler/term_ast.c gives that variable; {name, nil} is name.
  defp binding_var({{name, nil}, value}) when is_atom(name), do: {name, value}

  defp binding_var({{name, context}, value}) when is_atom(name) and is_atom(context) do
    {String.to_atom(Atom.to_string(name) <> "@" <> Atom.to_string(context)), value}
  end

  defp binding_var(pair), do: pair

  # Elixir lists the binding by variable name, descending (then by context).
  defp sort_binding(binding) do
    binding
    |> Enum.map(fn {name, value} -> {hygienic_name(name), value} end)
    |> Enum.sort(fn {a, _}, {b, _} -> var_key(a) >= var_key(b) end)
  end

  defp var_key({name, context}), do: {name, context}
  defp var_key(name), do: {name, nil}

  def string_to_quoted(string, opts \\ []) do
    file = Keyword.get(opts, :file, "nofile")
    case :ember_code.string_to_quoted(string, file, Keyword.get(opts, :columns, false)) do
      {:ok, quoted} -> {:ok, quoted}
      {:error, _kind, line, column, description} ->
        {message, token} = split_syntax_error(description)
        {:error, {[line: line, column: column], message, token}}
    end
  end

  def string_to_quoted!(string, opts \\ []) do
    file = Keyword.get(opts, :file, "nofile")
    case :ember_code.string_to_quoted(string, file, Keyword.get(opts, :columns, false)) do
      {:ok, quoted} -> quoted
      {:error, kind, line, column, description} ->
        raise diagnostic(kind, string, file, line, column, description)
    end
  end

  # Elixir returns the offending token apart from the message.
  defp split_syntax_error("syntax error before: " <> token), do: {"syntax error before: ", token}
  defp split_syntax_error("unexpected token: " <> token), do: {"unexpected token: ", token}
  defp split_syntax_error("syntax error: expression is incomplete"), do: {"syntax error before: ", ""}
  defp split_syntax_error(message), do: {message, ""}

  def eval_quoted(quoted, binding \\ [], _opts \\ []) do
    case Macro.validate(quoted) do
      :ok -> :ok
      {:error, bad} -> raise CompileError, file: "nofile", line: nil, description: invalid_quoted(bad)
    end

    binding = Enum.map(binding, &binding_var/1)

    {script, _} =
      case :ember_code.compile_quoted(quoted, "nofile", Keyword.keys(binding)) do
        {:error, kind, line, column, description} ->
          raise diagnostic(kind, "", "nofile", line, column, description)

        compiled ->
          compiled
      end

    {value, binding} = apply(script, :__script__, Keyword.values(binding))
    {value, sort_binding(binding)}
  end

  # A variable quoted in context Ctx is bound as :"name@Ctx" (compiler/term_ast.c); Elixir
  # lists it as {name, Ctx}.
  defp hygienic_name(name) do
    case String.split(Atom.to_string(name), "@", parts: 2) do
      [var, context] -> {String.to_atom(var), String.to_atom(context)}
      [_] -> name
    end
  end

  defp invalid_quoted(bad) do
    "invalid quoted expression: #{inspect(bad)}\n\nPlease make sure your quoted expressions are " <>
      "made of valid AST nodes. If you would like to introduce a value into the AST, such as a " <>
      "four-element tuple or a map, make sure to call Macro.escape/1 before"
  end

  defp load_error(path, reason) do
    "could not load #{path}. Reason: #{reason}"
  end

  defp compile!(string, file, names) do
    case :ember_code.compile(string, file, names) do
      {:error, kind, line, column, description} ->
        raise diagnostic(kind, string, file, line, column, description)

      compiled ->
        compiled
    end
  end

  defp diagnostic(CompileError, _string, file, line, _column, description) do
    %CompileError{file: file, line: line, description: description}
  end

  defp diagnostic(kind, string, file, line, column, description) do
    content = string |> String.split("\n") |> Enum.at(line - 1, "")
    snippet = %{content: content, offset: max(column - 1, 0)}
    struct(kind, file: file, line: line, column: column, description: description, snippet: snippet)
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
