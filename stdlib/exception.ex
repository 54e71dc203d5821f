# Exception.message/1 in Ember, so an exception module's own message/1 is honoured (builtins
# cannot call Ember code). Modules without message/1 get the VM's default rendering
# (:ember_exception.default_message/1, vm/error.c), which also raises the FunctionClauseError
# for a non-exception argument.
defmodule Exception do
  def message(%{__struct__: module, __exception__: true} = exception) do
    if function_exported?(module, :message, 1) do
      module.message(exception)
    else
      :ember_exception.default_message(exception)
    end
  end

  def message(other), do: :ember_exception.default_message(other)

  # SyntaxError and TokenMissingError's message: "file:line:column: description" and the line
  # with a caret under the column, the line number right-aligned in at least two places.
  @doc false
  def ember_syntax_message(%{file: file, line: line, column: column} = exception) do
    head = "#{file}:#{line}:#{column}: #{exception.description}"

    case exception.snippet do
      %{content: content, offset: offset} ->
        number = String.pad_leading(Integer.to_string(line), 2)
        bar = String.duplicate(" ", String.length(number) + 2) <> "|"
        "#{head}\n#{bar}\n #{number} | #{content}\n#{bar}#{String.duplicate(" ", offset + 1)}^"

      _ ->
        head
    end
  end
end
