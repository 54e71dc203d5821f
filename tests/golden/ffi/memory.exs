# ember-differs: FFI is an Ember extension (not in Elixir)
# FFI.alloc/read/write/free: out-parameters, offsets, strings in place, pointers to pointers,
# FFI.offset, NULL as nil, bounds checks on allocations, and what happens after FFI.free.
defmodule Memory do
  def lib do
    path = System.get_env("EMBER_FFI_TESTLIB") || "../../../build/release/ffi/libffi_testlib.so"
    {:ok, lib} = FFI.open(path)
    lib
  end

  def attempt(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    rescue
      e in ArgumentError -> IO.puts("#{label}: ArgumentError: #{Exception.message(e)}")
    end
  end

  def run do
    lib = lib()

    # Out-parameters at offsets 0 and 4 of one allocation.
    divmod = FFI.function(lib, "ffi_divmod", [:int, :int, :pointer, :pointer], :void)
    out = FFI.alloc(8)
    IO.inspect(FFI.read(out, :int64), label: "fresh memory is zeroed")
    IO.inspect(FFI.call(divmod, [-17, 5, out, FFI.offset(out, 4)]), label: "divmod returns")
    IO.inspect({FFI.read(out, :int), FFI.read(out, :int, 4)}, label: "quot, rem")

    # Every scalar type written and read back at an offset.
    buf = FFI.alloc(16)

    for {type, value} <- [int8: -5, uint8: 200, int16: -30000, uint16: 60000, int32: -7, uint32: 4_000_000_000,
                          int64: -1, uint64: 18_446_744_073_709_551_615, float: 1.5, double: -2.25, bool: true] do
      :ok = FFI.write(buf, type, 8, value)
      IO.puts("#{type}: #{inspect(FFI.read(buf, type, 8))}")
    end

    # Little-endian layout seen through different types.
    FFI.write(buf, :uint32, 0x01020304)
    IO.inspect(Enum.map(0..3, fn i -> FFI.read(buf, :uint8, i) end), label: "bytes of 0x01020304")

    # Strings live in place in memory.
    FFI.write(buf, :string, 2, "abc")
    IO.inspect(FFI.read(buf, :string, 2), label: "string at 2")
    fill = FFI.function(lib, "ffi_fill", [:pointer, :size_t, :int8, :size_t], :size_t)
    IO.inspect(FFI.call(fill, [buf, 16, ?z, 100]), label: "filled")
    IO.inspect(FFI.read(buf, :string), label: "buffer")

    # A pointer to a pointer, and a foreign pointer read without bounds.
    pp = FFI.alloc(8)
    FFI.call(FFI.function(lib, "ffi_point_to_answer", [:pointer], :void), [pp])
    answer = FFI.read(pp, :pointer)
    IO.inspect(FFI.read(answer, :int), label: "*answer")
    IO.inspect(match?(%FFI.Pointer{}, answer), label: "foreign pointer is an FFI.Pointer")

    # Strings returned by C, and NULL as nil.
    greeting = FFI.function(lib, "ffi_greeting", [:int], :string)
    IO.inspect(FFI.call(greeting, [1]), label: "greeting")
    IO.inspect(FFI.call(greeting, [-1]), label: "greeting NULL")
    as_pointer = FFI.function(lib, "ffi_greeting", [:int], :pointer)
    IO.inspect(FFI.call(as_pointer, [-1]), label: "NULL pointer")
    IO.inspect(FFI.null?(FFI.call(as_pointer, [-1])), label: "null?")
    IO.inspect(FFI.read(FFI.call(as_pointer, [0]), :string, 6), label: "read C string at 6")
    IO.inspect(FFI.null(), label: "FFI.null()")
    IO.inspect(FFI.address(FFI.null()), label: "address of NULL")
    FFI.write(pp, :pointer, nil)
    IO.inspect(FFI.read(pp, :pointer), label: "stored NULL reads as")

    # A variadic function of the test library.
    sum = FFI.function(lib, "ffi_sum_doubles", [:int, :double, :double, :double], :double, variadic: 1)
    IO.inspect(FFI.call(sum, [3, 0.5, 1.25, 2]), label: "sum_doubles")

    # FFI.offset: pointers into an allocation, still bounds-checked against the whole of it.
    second = FFI.offset(out, 4)
    IO.inspect(FFI.read(second, :int), label: "rem through offset pointer")
    IO.inspect(FFI.address(second) - FFI.address(out), label: "offset pointer distance")
    IO.inspect(FFI.read(FFI.offset(second, -4), :int), label: "back to the start")
    attempt("read through the end pointer", fn -> FFI.read(FFI.offset(out, 8), :uint8) end)
    attempt("offset past the end", fn -> FFI.offset(out, 9) end)
    attempt("offset before the start", fn -> FFI.offset(second, -5) end)
    attempt("read past the end through an offset", fn -> FFI.read(second, :int, 1) end)
    attempt("offset of nil", fn -> FFI.offset(nil, 1) end)

    # Bounds checks on FFI.alloc memory.
    small = FFI.alloc(4)
    attempt("read int64 from 4 bytes", fn -> FFI.read(small, :int64) end)
    attempt("read int at offset 1", fn -> FFI.read(small, :int, 1) end)
    attempt("read uint8 at offset 3", fn -> FFI.read(small, :uint8, 3) end)
    attempt("read at offset 4", fn -> FFI.read(small, :uint8, 4) end)
    attempt("negative offset", fn -> FFI.read(small, :uint8, -1) end)
    attempt("write string too long", fn -> FFI.write(small, :string, "four") end)
    attempt("write string that fits", fn -> FFI.write(small, :string, "abc") end)
    FFI.write(small, :uint32, 0x41414141)
    attempt("string without NUL", fn -> FFI.read(small, :string) end)
    attempt("zero-byte allocation", fn -> FFI.read(FFI.alloc(0), :uint8) end)

    # After FFI.free every use raises; the memory itself goes back when the last reference
    # is collected, so nothing can touch freed memory.
    FFI.free(small)
    attempt("read after free", fn -> FFI.read(small, :uint8) end)
    attempt("write after free", fn -> FFI.write(small, :uint8, 1) end)
    attempt("pass after free", fn -> FFI.call(divmod, [1, 1, small, out]) end)
    attempt("free twice", fn -> FFI.free(small) end)
    attempt("free nil", fn -> FFI.free(nil) end)
    attempt("free a foreign pointer", fn -> FFI.free(answer) end)
    attempt("read through nil", fn -> FFI.read(nil, :int) end)
    attempt("read :void", fn -> FFI.read(buf, :void) end)
  end

end

Memory.run()
