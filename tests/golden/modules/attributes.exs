# Module attributes are compile-time constants.
defmodule Config do
  @greeting "hello"
  @limits [min: 1, max: 10]
  @answer 6 * 7
  def greeting, do: @greeting
  def max, do: @limits[:max]
  def answer, do: @answer
  @greeting "redefined"
  def greeting2, do: @greeting
  def all, do: {@greeting, @answer}
end
IO.puts(Config.greeting())
IO.inspect(Config.max())
IO.inspect(Config.answer())
IO.puts(Config.greeting2())
IO.inspect(Config.all())
