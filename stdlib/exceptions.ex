# The standard exception modules, so code can call RuntimeError.exception/1, build them with
# %RuntimeError{} and match on their structs. The VM raises the same structs itself
# (vm/error.c builds them with these fields); messages come from Exception.message/1.
defmodule RuntimeError do
  defexception message: "runtime error"
end

defmodule ArgumentError do
  defexception message: "argument error"
end

defmodule ArithmeticError do
  defexception message: "bad argument in arithmetic expression"
end

defmodule SystemLimitError do
  defexception message: "a system limit has been reached"
end

defmodule MatchError do
  defexception [:term]
end

defmodule CaseClauseError do
  defexception [:term]
end

defmodule WithClauseError do
  defexception [:term]
end

defmodule TryClauseError do
  defexception [:term]
end

defmodule CondClauseError do
  defexception []
end

defmodule BadMapError do
  defexception [:term]
end

defmodule BadFunctionError do
  defexception [:term]
end

defmodule BadArityError do
  defexception [:function, :args]
end

defmodule BadBooleanError do
  defexception [:term, :operator]
end

defmodule KeyError do
  defexception [:key, :term, :message]
end

defmodule FunctionClauseError do
  defexception [:module, :function, :arity, :kind, :args, :clauses]
end

defmodule UndefinedFunctionError do
  defexception [:module, :function, :arity, :reason, :message]
end

defmodule ErlangError do
  defexception [:original, :reason]
end

# Raised by Code.eval_string/compile_string (stdlib/code.ex) with the compiler's diagnostic;
# the message appends the offending line and a caret, as Elixir 1.14 does.
defmodule SyntaxError do
  defexception [:file, :line, :column, :snippet, description: "syntax error"]

  def message(exception), do: Exception.ember_syntax_message(exception)
end

defmodule TokenMissingError do
  defexception [:file, :line, :column, :snippet, description: "expression is incomplete"]

  def message(exception), do: Exception.ember_syntax_message(exception)
end

# Compile errors found at run time: a defmodule that fails inside a script (raised when
# execution reaches it, as in Elixir) and Code.eval_string/compile_string.
defmodule CompileError do
  defexception [:file, :line, description: "compile error"]

  def message(%{file: nil, description: description}), do: description
  def message(%{file: file, line: line, description: description}) when line in [nil, 0],
    do: "#{file}: #{description}"
  def message(%{file: file, line: line, description: description}),
    do: "#{file}:#{line}: #{description}"
end

# Code.require_file/compile_file of a file that cannot be read.
defmodule Code.LoadError do
  defexception [:file, :message, :reason]
end
