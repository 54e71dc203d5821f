# ember-differs: FFI is an Ember extension (not in Elixir)
# Every FFI type round-trips through an identity C function at its limits (tests/ffi/ffi_testlib.c).
defmodule Types do
  def lib do
    path = System.get_env("EMBER_FFI_TESTLIB") || "../../../build/release/ffi/libffi_testlib.so"
    {:ok, lib} = FFI.open(path)
    lib
  end

  def round_trip(lib, type, values) do
    f = FFI.function(lib, "ffi_id_#{type}", [type], type)
    Enum.each(values, fn v -> IO.puts("#{type} #{inspect(v)} -> #{inspect(FFI.call(f, [v]))}") end)
  end

  def run do
    lib = lib()
    round_trip(lib, :int8, [-128, -1, 0, 127])
    round_trip(lib, :int16, [-32768, 32767])
    round_trip(lib, :int32, [-2_147_483_648, 2_147_483_647])
    round_trip(lib, :int64, [-9_223_372_036_854_775_808, -4_611_686_018_427_387_905, 4_611_686_018_427_387_904, 9_223_372_036_854_775_807])
    round_trip(lib, :uint8, [0, 255])
    round_trip(lib, :uint16, [0, 65535])
    round_trip(lib, :uint32, [0, 4_294_967_295])
    round_trip(lib, :uint64, [0, 9_223_372_036_854_775_807, 9_223_372_036_854_775_808, 18_446_744_073_709_551_615])
    round_trip(lib, :int, [-2_147_483_648, 2_147_483_647])
    round_trip(lib, :uint, [4_294_967_295])
    round_trip(lib, :long, [-9_223_372_036_854_775_808, 9_223_372_036_854_775_807])
    round_trip(lib, :ulong, [18_446_744_073_709_551_615])
    round_trip(lib, :size_t, [0, 18_446_744_073_709_551_615])
    round_trip(lib, :ssize_t, [-1, 9_223_372_036_854_775_807])
    round_trip(lib, :float, [0.5, -1.25, 3.4028234663852886e38, 1.0e-45, 16_777_217, 0.1])
    round_trip(lib, :double, [1.7976931348623157e308, 5.0e-324, -0.0, 42])
    round_trip(lib, :bool, [true, false])
    round_trip(lib, :string, ["", "héllo", nil])
    round_trip(lib, :pointer, [nil])

    p = FFI.alloc(8)
    id_ptr = FFI.function(lib, "ffi_id_pointer", [:pointer], :pointer)
    back = FFI.call(id_ptr, [p])
    IO.puts("pointer same address: #{FFI.address(back) == FFI.address(p)}")

    mix = FFI.function(lib, "ffi_mix", [:int8, :uint16, :int64, :float, :double, :bool], :double)
    IO.inspect(FFI.call(mix, [-1, 65535, 10_000_000_000, 0.5, 0.25, true]), label: "mix")
    IO.inspect(FFI.call(mix, [1, 2, 3, 4, 5, false]), label: "mix ints")
  end
end

Types.run()
