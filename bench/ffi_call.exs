# FFI call overhead (Ember only: FFI is an Ember extension, so there is no Elixir twin and
# bench/run.sh does not run it). Times a loop of N calls to libc's abs (a trivial C function)
# through FFI.call, inline (blocking: false) and through the I/O pool (the default), against
# the same loop calling a trivial Ember function and an empty loop; prints ns per call.
#
#   build/release/ember bench/ffi_call.exs [N]      (default N = 1_000_000; pooled: N / 20)
defmodule FfiBench do
  def trivial(x), do: x + 1

  def empty(0, acc), do: acc
  def empty(n, acc), do: empty(n - 1, acc + 1)

  def ember(0, acc), do: acc
  def ember(n, acc), do: ember(n - 1, FfiBench.trivial(acc))

  def ffi(_f, 0, acc), do: acc
  def ffi(f, n, acc), do: ffi(f, n - 1, acc + FFI.call(f, [-1]))

  def time_ns(fun) do
    t0 = :erlang.monotonic_time(:nanosecond)
    fun.()
    :erlang.monotonic_time(:nanosecond) - t0
  end

  def report(label, ns, n, base) do
    per = ns / n
    IO.puts(String.pad_trailing(label, 28) <> format(per) <> " ns/call  (" <> format(per - base) <> " net of the loop)")
  end

  defp format(x), do: :erlang.float_to_binary(x, decimals: 1)

  def run(n) do
    {:ok, libc} = FFI.open("libc.so.6")
    inline = FFI.function(libc, "abs", [:int], :int, blocking: false)
    pooled = FFI.function(libc, "abs", [:int], :int)
    pooled_n = max(div(n, 20), 1)
    # Warm up each path once.
    ffi(inline, 1000, 0)
    ffi(pooled, 100, 0)
    ember(1000, 0)

    base = time_ns(fn -> empty(n, 0) end) / n
    report("empty loop", base * n, n, base)
    report("Ember function call", time_ns(fn -> ember(n, 0) end), n, base)
    report("FFI.call inline (abs)", time_ns(fn -> ffi(inline, n, 0) end), n, base)
    report("FFI.call pooled (abs)", time_ns(fn -> ffi(pooled, pooled_n, 0) end), pooled_n, base)
  end
end

n =
  case System.argv() do
    [arg] -> String.to_integer(arg)
    _ -> 1_000_000
  end

FfiBench.run(n)
