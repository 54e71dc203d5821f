# Replacing a loaded module with Code.compile_string/1: later remote calls (from the script,
# from other modules, through captures and from a running process) reach the new version.
# Elixir warns "redefining module" on stderr; only stdout is compared.
Code.compile_string("""
defmodule Versioned do
  def version, do: 1
  def describe, do: "v\#{version()}"

  def loop(parent) do
    receive do
      :ask ->
        send(parent, {:answer, version()})
        __MODULE__.loop(parent)
      :stop ->
        send(parent, :stopped)
    end
  end
end
""")

defmodule Caller do
  def ask, do: Versioned.describe()
end

ask = fn server ->
  send(server, :ask)
  receive do
    {:answer, v} -> v
  end
end

capture = &Versioned.version/0
parent = self()
server = spawn(fn -> Versioned.loop(parent) end)
IO.inspect(ask.(server), label: "server before")
IO.inspect({Versioned.version(), Caller.ask(), capture.()}, label: "before")

[{Versioned, _}] =
  Code.compile_string("""
  defmodule Versioned do
    def version, do: 2
    def describe, do: "version two"
    def added, do: :new_function

    def loop(parent) do
      receive do
        :ask ->
          send(parent, {:answer, {:new_loop, version()}})
          __MODULE__.loop(parent)
        :stop ->
          send(parent, :stopped)
      end
    end
  end
  """)

IO.inspect({Versioned.version(), Caller.ask(), capture.()}, label: "after")
IO.inspect(Versioned.added(), label: "added")
IO.inspect(function_exported?(Versioned, :added, 0), label: "exported")
# The server was waiting in the old loop: it answers once from the old code (a local call),
# then its remote call __MODULE__.loop/1 enters the new version.
IO.inspect(ask.(server), label: "server first answer")
IO.inspect(ask.(server), label: "server second answer")
send(server, :stop)
receive do
  :stopped -> IO.puts("server stopped")
end
