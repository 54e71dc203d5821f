# __ENV__.module/.file/.line/.function, __DIR__, __MODULE__ and var!/1 outside a quote.
defmodule EnvDemo do
  def where(a), do: {__ENV__.module, __ENV__.function, __ENV__.line, a}
  def file_name, do: __ENV__.file |> String.split("/") |> List.last()
  def in_fn, do: (fn -> __ENV__.function end).()
  def me, do: __MODULE__
end

IO.inspect(EnvDemo.where(1))
IO.inspect(EnvDemo.file_name())
IO.inspect(EnvDemo.in_fn())
IO.inspect(EnvDemo.me())
IO.inspect({__ENV__.module, __ENV__.function, __ENV__.line})
IO.inspect(__DIR__ |> String.split("/") |> List.last())
IO.inspect(__DIR__ <> "/env.exs" == __ENV__.file)
IO.inspect(String.starts_with?(__DIR__, "/"))
x = 1
IO.inspect(var!(x) + 1)
IO.inspect(__MODULE__)
