# ember-differs: FFI is an Ember extension (not in Elixir)
# Functions of the system's libm and libc: cos, pow, strlen, getpid, getenv, strtol with an
# out-parameter, and snprintf through a variadic signature.
defmodule Sys do
  def run do
    {:ok, m} = FFI.open("libm.so.6")
    cos = FFI.function(m, "cos", [:double], :double)
    IO.inspect(FFI.call(cos, [0.0]), label: "cos(0.0)")
    IO.inspect(FFI.call(cos, [1.0]), label: "cos(1.0)")
    IO.inspect(FFI.call(cos, [2]), label: "cos(2)")
    pow = FFI.function(m, "pow", [:double, :double], :double)
    IO.inspect(FFI.call(pow, [2.0, 10]), label: "pow(2, 10)")
    IO.inspect(FFI.call(pow, [2.0, 0.5]), label: "pow(2, 0.5)")
    IO.inspect(FFI.call(pow, [-1.0, 0.5]), label: "pow(-1, 0.5)")
    IO.inspect(FFI.call(pow, [10.0, 400]), label: "pow(10, 400)")
    IO.inspect(FFI.call(pow, [-10.0, 401]), label: "pow(-10, 401)")

    {:ok, c} = FFI.open("libc.so.6")
    strlen = FFI.function(c, "strlen", [:string], :size_t)
    IO.inspect(FFI.call(strlen, ["hello"]), label: "strlen")
    IO.inspect(FFI.call(strlen, ["héllo wörld"]), label: "strlen utf8")
    IO.inspect(FFI.call(strlen, [String.duplicate("ab", 5000)]), label: "strlen long")

    getpid = FFI.function(c, "getpid", [], :int)
    pid = FFI.call(getpid, [])
    IO.inspect(is_integer(pid) and pid > 0, label: "getpid positive")
    IO.inspect(FFI.call(getpid, []) == pid, label: "getpid stable")

    getenv = FFI.function(c, "getenv", [:string], :string)
    IO.inspect(FFI.call(getenv, ["EMBER_SURELY_UNSET_VARIABLE"]), label: "getenv unset")
    IO.inspect(FFI.call(getenv, ["PATH"]) == System.get_env("PATH"), label: "getenv PATH")

    # A :string argument is a copy that lives for the call only, so text that C keeps
    # pointing into (strtol's end pointer) goes through FFI.alloc'd memory instead.
    strtol = FFI.function(c, "strtol", [:pointer, :pointer, :int], :long)
    text = FFI.alloc(16)
    FFI.write(text, :string, "  -1234xyz")
    endp = FFI.alloc(8)
    IO.inspect(FFI.call(strtol, [text, endp, 10]), label: "strtol")
    rest = FFI.read(endp, :pointer)
    IO.inspect(FFI.address(rest) - FFI.address(text), label: "strtol consumed")
    IO.inspect(FFI.read(rest, :string), label: "strtol rest")
    strtol_s = FFI.function(c, "strtol", [:string, :pointer, :int], :long)
    IO.inspect(FFI.call(strtol_s, ["ff", nil, 16]), label: "strtol hex")

    snprintf =
      FFI.function(c, "snprintf", [:pointer, :size_t, :string, :int, :double, :string], :int,
        variadic: 3
      )

    buf = FFI.alloc(32)
    n = FFI.call(snprintf, [buf, 32, "%d|%.2f|%s", 42, 2.5, "hi"])
    IO.inspect({n, FFI.read(buf, :string)}, label: "snprintf")
    n = FFI.call(snprintf, [buf, 8, "%d|%.2f|%s", -7, 1.0e10, "truncated"])
    IO.inspect({n, FFI.read(buf, :string)}, label: "snprintf truncated")

    snprintf_long = FFI.function(c, "snprintf", [:pointer, :size_t, :string, :long], :int, variadic: 3)
    FFI.call(snprintf_long, [buf, 32, "%ld", -9_223_372_036_854_775_808])
    IO.inspect(FFI.read(buf, :string), label: "snprintf %ld")

    abs = FFI.function(c, "abs", [:int], :int, blocking: false)
    IO.inspect(FFI.call(abs, [-5]), label: "abs inline")
  end
end

Sys.run()
