# receive clauses with guards, multiple patterns and a catch-all.
defmodule Classifier do
  def classify do
    receive do
      {:num, n} when is_integer(n) and n < 0 -> "negative integer #{n}"
      {:num, n} when is_integer(n) -> "integer #{n}"
      {:num, f} when is_float(f) -> "float #{f}"
      {:text, s} when is_binary(s) and byte_size(s) > 3 -> "long text #{s}"
      {:text, s} when is_binary(s) -> "short text #{s}"
      {tag, _} when tag in [:a, :b] -> "tag #{tag}"
      other -> "other #{inspect(other)}"
    end
  end

  def run do
    msgs = [{:num, -4}, {:num, 7}, {:num, 2.5}, {:text, "hi"}, {:text, "hello"}, {:b, 1}, [1, 2], :atom]
    Enum.each(msgs, fn m -> send(self(), m) end)
    for _ <- msgs, do: IO.puts(classify())
  end
end

Classifier.run()
