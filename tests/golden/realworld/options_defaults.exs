# Keyword-list options with defaults
defmodule Greeter do
  @defaults [greeting: "Hello", punctuation: "!", upcase: false]

  def greet(name, opts \\ []) do
    opts = Keyword.merge(@defaults, opts)
    msg = "#{opts[:greeting]}, #{name}#{Keyword.get(opts, :punctuation)}"
    if opts[:upcase], do: String.upcase(msg), else: msg
  end

  def repeat(text, opts \\ []) do
    times = Keyword.get(opts, :times, 2)
    sep = Keyword.get(opts, :sep, " ")
    text |> List.duplicate(times) |> Enum.join(sep)
  end

  def connect(host, port \\ 80, opts \\ []) do
    timeout = Keyword.get(opts, :timeout, 5000)
    "#{host}:#{port} timeout=#{timeout}"
  end
end

IO.puts(Greeter.greet("World"))
IO.puts(Greeter.greet("Ann", greeting: "Hi"))
IO.puts(Greeter.greet("Bob", upcase: true, punctuation: "?"))
IO.puts(Greeter.repeat("ab"))
IO.puts(Greeter.repeat("ab", times: 4, sep: "-"))
IO.puts(Greeter.connect("example.com"))
IO.puts(Greeter.connect("example.com", 8080))
IO.puts(Greeter.connect("example.com", 443, timeout: 10))
opts = [a: 1, b: 2, a: 3]
IO.inspect(Keyword.get(opts, :a))
IO.inspect(Keyword.get_values(opts, :a))
IO.inspect(Keyword.delete(opts, :a))
IO.inspect(Keyword.put(opts, :c, 4))
IO.inspect(Keyword.keys(opts))
IO.inspect(Keyword.has_key?(opts, :b))
IO.inspect(Keyword.take([x: 1, y: 2, z: 3], [:x, :z]))
IO.inspect(Keyword.drop([x: 1, y: 2, z: 3], [:y]))
IO.inspect(Keyword.update([x: 1], :x, 0, &(&1 * 10)))
IO.inspect(Keyword.fetch([x: 1], :y))
IO.inspect(Keyword.split([a: 1, b: 2, c: 3], [:a, :c]))
IO.inspect(Keyword.validate([a: 1], [:a, b: 2]))
