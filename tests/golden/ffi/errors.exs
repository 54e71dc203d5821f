# ember-differs: FFI is an Ember extension (not in Elixir)
# Every bad call description and bad argument raises ArgumentError in the caller, with a
# message naming the argument; the VM never crashes and the process goes on.
defmodule Errors do
  def attempt(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e in ArgumentError -> IO.puts("#{label}: #{Exception.message(e)}")
    end
  end

  # As attempt/2, but prints the message only up to ", got:" (what follows shows addresses).
  def attempt_short(label, fun) do
    try do
      fun.()
    rescue
      e in ArgumentError -> IO.puts("#{label}: #{hd(String.split(Exception.message(e), ", got:"))}")
    end
  end

  def run do
    path = System.get_env("EMBER_FFI_TESTLIB") || "../../../build/release/ffi/libffi_testlib.so"
    {:ok, t} = FFI.open(path)
    {:ok, m} = FFI.open("libm.so.6")
    cos = FFI.function(m, "cos", [:double], :double)
    id8 = FFI.function(t, "ffi_id_int8", [:int8], :int8)
    idu64 = FFI.function(t, "ffi_id_uint64", [:uint64], :uint64)
    idf = FFI.function(t, "ffi_id_float", [:float], :float)
    idb = FFI.function(t, "ffi_id_bool", [:bool], :bool)
    ids = FFI.function(t, "ffi_id_string", [:string], :string)
    idp = FFI.function(t, "ffi_id_pointer", [:pointer], :pointer)
    mix = FFI.function(t, "ffi_mix", [:int8, :uint16, :int64, :float, :double, :bool], :double)

    IO.puts("-- calls")
    attempt("too many arguments", fn -> FFI.call(cos, [1.0, 2.0]) end)
    attempt("too few arguments", fn -> FFI.call(mix, [1]) end)
    attempt("arguments not a list", fn -> FFI.call(cos, 1.0) end)
    attempt("improper argument list", fn -> FFI.call(cos, [1.0 | 2.0]) end)
    attempt("float for an int", fn -> FFI.call(id8, [1.5]) end)
    attempt("float for an int, 2nd argument", fn -> FFI.call(mix, [1, 2.0, 3, 4, 5, true]) end)
    attempt("int8 too large", fn -> FFI.call(id8, [128]) end)
    attempt("int8 too small", fn -> FFI.call(id8, [-129]) end)
    attempt("int64 too large, 3rd argument", fn -> FFI.call(mix, [0, 0, 9_223_372_036_854_775_808, 0, 0, false]) end)
    attempt("uint16 negative, 2nd argument", fn -> FFI.call(mix, [0, -1, 0, 0, 0, false]) end)
    attempt("uint64 2^64", fn -> FFI.call(idu64, [18_446_744_073_709_551_616]) end)
    attempt("uint64 negative", fn -> FFI.call(idu64, [-1]) end)
    attempt("float beyond FLT_MAX", fn -> FFI.call(idf, [1.0e39]) end)
    attempt("atom for a double", fn -> FFI.call(cos, [:pi]) end)
    attempt("string for a double", fn -> FFI.call(cos, ["1.0"]) end)
    attempt("integer for a bool", fn -> FFI.call(idb, [1]) end)
    attempt("nil for a bool, 6th argument", fn -> FFI.call(mix, [0, 0, 0, 0, 0, nil]) end)
    attempt("integer for a string", fn -> FFI.call(ids, [42]) end)
    attempt("charlist for a string", fn -> FFI.call(ids, [~c"abc"]) end)
    attempt("NUL inside a string", fn -> FFI.call(ids, ["a\0b"]) end)
    attempt("integer for a pointer", fn -> FFI.call(idp, [12345]) end)
    attempt("forged pointer", fn -> FFI.call(idp, [%FFI.Pointer{handle: "0123456789abcdef0123456789abcdef"}]) end)
    attempt("map for a pointer", fn -> FFI.call(idp, [%{}]) end)
    attempt("not a function handle", fn -> FFI.call(:cos, [1.0]) end)
    attempt("library as a function", fn -> FFI.call(m, [1.0]) end)
    attempt("forged function", fn -> FFI.call(%FFI.Function{name: "cos", arity: 1, handle: "x"}, [1.0]) end)
    attempt_short("pointer handle in a function struct", fn -> FFI.call(%FFI.Function{handle: FFI.alloc(1).handle}, [1.0]) end)

    IO.puts("-- signatures")
    attempt("unknown argument type", fn -> FFI.function(m, "cos", [:dooble], :double) end)
    attempt("void argument", fn -> FFI.function(m, "cos", [:void], :double) end)
    attempt("argument type not an atom", fn -> FFI.function(m, "cos", ["double"], :double) end)
    attempt("argument types not a list", fn -> FFI.function(m, "cos", :double, :double) end)
    attempt("unknown return type", fn -> FFI.function(m, "cos", [:double], :real) end)
    attempt("bad library", fn -> FFI.function(:libm, "cos", [:double], :double) end)
    attempt("forged library", fn -> FFI.function(%FFI.Library{handle: "h"}, "cos", [:double], :double) end)
    attempt("name not a binary", fn -> FFI.function(m, :cos, [:double], :double) end)
    attempt("NUL in the name", fn -> FFI.function(m, "co\0s", [:double], :double) end)
    attempt("missing symbol", fn -> FFI.function(m, "no_such_function_here", [], :int) end)
    attempt("variadic count too large", fn -> FFI.function(m, "cos", [:double], :double, variadic: 2) end)
    attempt("variadic float", fn -> FFI.function(t, "ffi_sum_doubles", [:int, :float], :double, variadic: 1) end)
    attempt("variadic int8", fn -> FFI.function(t, "ffi_sum_doubles", [:int, :int8], :double, variadic: 1) end)
    attempt("variadic bool", fn -> FFI.function(t, "ffi_sum_doubles", [:int, :bool], :double, variadic: 1) end)
    attempt("unknown option", fn -> FFI.function(m, "cos", [:double], :double, speed: :fast) end)
    attempt("options not a list", fn -> FFI.function(m, "cos", [:double], :double, :fast) end)
    attempt("too many arguments", fn -> FFI.function(m, "cos", List.duplicate(:int, 33), :int) end)

    IO.puts("-- libraries and memory")
    attempt("open a missing library", fn -> match?({:error, _}, FFI.open("libdoes_not_exist.so")) end)
    attempt("open a linker script", fn -> match?({:error, _}, FFI.open("/dev/null")) end)
    attempt("open with a non-binary", fn -> FFI.open(:libm) end)
    attempt("alloc a negative size", fn -> FFI.alloc(-1) end)
    attempt("alloc too much", fn -> FFI.alloc(2_000_000_000) end)
    attempt("alloc a float", fn -> FFI.alloc(8.0) end)
    p = FFI.alloc(8)
    attempt("read an unknown type", fn -> FFI.read(p, :word) end)
    attempt("read from an integer", fn -> FFI.read(4096, :int) end)
    attempt("read at a float offset", fn -> FFI.read(p, :int, 1.0) end)
    attempt("write a float as int", fn -> FFI.write(p, :int, 1.5) end)
    attempt("write out of range", fn -> FFI.write(p, :uint8, 256) end)
    attempt("write a non-binary string", fn -> FFI.write(p, :string, 7) end)
    attempt("write a non-pointer pointer", fn -> FFI.write(p, :pointer, 7) end)
    attempt("address of an integer", fn -> FFI.address(7) end)

    IO.puts("-- still alive")
    IO.inspect(FFI.call(cos, [0]), label: "cos(0)")
  end
end

Errors.run()
