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
