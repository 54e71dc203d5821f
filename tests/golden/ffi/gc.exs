# ember-differs: FFI is an Ember extension (not in Elixir)
# FFI.alloc memory is released when the last reference is collected: 2000 buffers of 1 MiB,
# each filled by C (memset) and dropped, leave the peak resident size far below the 2 GiB
# they add up to. Pointers sent to another process stay valid there.
defmodule Gc do
  @mib 1_048_576

  def churn(_memset, 0), do: :ok

  def churn(memset, n) do
    buf = FFI.alloc(@mib)
    FFI.call(memset, [buf, 0x5A, @mib])
    0x5A = FFI.read(buf, :uint8, @mib - 1)
    churn(memset, n - 1)
  end

  def peak_kib do
    {:ok, status} = File.read("/proc/self/status")
    [line] = Enum.filter(String.split(status, "\n"), &String.starts_with?(&1, "VmHWM:"))
    [_, kib, "kB"] = String.split(line)
    String.to_integer(kib)
  end

  def run do
    {:ok, c} = FFI.open("libc.so.6")
    memset = FFI.function(c, "memset", [:pointer, :int, :size_t], :pointer, blocking: false)
    churn(memset, 2000)
    IO.inspect(peak_kib() < 1024 * 1024, label: "peak resident size below 1 GiB")

    # A pointer in a message: the receiver's copy keeps the memory alive.
    buf = FFI.alloc(16)
    FFI.write(buf, :string, "shared")
    parent = self()
    pid = spawn(fn -> receive do {:buf, b} -> send(parent, {:read, FFI.read(b, :string)}) end end)
    send(pid, {:buf, buf})

    receive do
      {:read, text} -> IO.inspect(text, label: "read by another process")
    end
  end
end

Gc.run()
