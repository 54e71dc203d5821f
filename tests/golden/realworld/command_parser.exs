# Binary prefix matching to parse commands
defmodule Shell do
  def parse("echo " <> rest), do: {:echo, rest}
  def parse("add " <> rest) do
    nums = rest |> String.split() |> Enum.map(&String.to_integer/1)
    {:add, nums}
  end
  def parse("set " <> rest) do
    case String.split(rest, "=", parts: 2) do
      [k, v] -> {:set, String.trim(k), String.trim(v)}
      _ -> {:error, "bad set"}
    end
  end
  def parse("quit"), do: :quit
  def parse(""), do: :noop
  def parse(other), do: {:unknown, other}

  def exec({:echo, s}, env), do: {s, env}
  def exec({:add, ns}, env), do: {Integer.to_string(Enum.sum(ns)), env}
  def exec({:set, k, v}, env), do: {"ok", Map.put(env, k, v)}
  def exec(:noop, env), do: {nil, env}
  def exec(:quit, env), do: {"bye", env}
  def exec({:unknown, c}, env), do: {"unknown command: #{c}", env}
  def exec({:error, m}, env), do: {"error: " <> m, env}

  def run(lines) do
    Enum.reduce(lines, %{}, fn line, env ->
      {out, env} = line |> parse() |> exec(env)
      if out, do: IO.puts("> #{line}\n#{out}")
      env
    end)
  end
end

env = Shell.run(["echo hello world", "add 1 2 3 40", "set name = Ember", "set bad", "", "frobnicate", "quit"])
IO.inspect(env)
"key:" <> value = "key:value"
IO.puts(value)
case "GET /index.html HTTP/1.1" do
  "GET " <> path -> IO.puts("path=" <> hd(String.split(path, " ")))
  _ -> IO.puts("other")
end
