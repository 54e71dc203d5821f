defmodule Greeter do
  def greet(name), do: "Hello, #{name}!"
end

IO.puts(Greeter.greet("Ember"))
Enum.each(1..3, fn i -> IO.puts("#{i} * #{i} = #{i * i}") end)
