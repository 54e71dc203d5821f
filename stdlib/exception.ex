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
end
