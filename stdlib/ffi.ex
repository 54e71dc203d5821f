# FFI: calling functions in C shared libraries (an Ember extension, not part of Elixir; see
# docs/ffi.md). open/function/alloc/free/read/write/address are C built-ins (vm/bi_ffi.c);
# call/2 is here because a pooled call returns a ref and the caller waits for the result in a
# receive, so its scheduler runs other processes while C code blocks.
defmodule FFI.Library do
  defstruct [:path, :handle]
end

defmodule FFI.Function do
  defstruct [:name, :arity, :handle]
end

defmodule FFI.Pointer do
  defstruct [:handle, offset: 0]
end

defmodule FFI do
  # Calls prepared function fun with the argument list args and returns the converted result.
  def call(fun, args) do
    case :ember_ffi.call(fun, args) do
      ref when is_reference(ref) ->
        receive do
          {:"$ember_io", ^ref, result} -> result
        end

      result ->
        result
    end
  end

  # The NULL pointer: nil is passed as NULL and a returned NULL comes back as nil.
  def null, do: nil
  def null?(pointer), do: pointer == nil
end
