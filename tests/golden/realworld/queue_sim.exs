# Bank queue simulation with a two-list functional queue
defmodule Q do
  def new, do: {[], []}
  def push({f, b}, x), do: {f, [x | b]}
  def pop({[], []}), do: :empty
  def pop({[], b}), do: pop({Enum.reverse(b), []})
  def pop({[x | f], b}), do: {x, {f, b}}
  def size({f, b}), do: length(f) + length(b)
end

defmodule Sim do
  def run(arrivals, tellers) do
    queue = Enum.reduce(arrivals, Q.new(), &Q.push(&2, &1))
    serve(queue, tellers, 0, [])
  end
  defp serve(q, tellers, t, log) do
    case take(q, tellers, []) do
      {[], _} -> {t, Enum.reverse(log)}
      {batch, q2} ->
        dur = batch |> Enum.map(fn {_, d} -> d end) |> Enum.max()
        entry = "t=#{t}: serving #{Enum.map_join(batch, ",", &elem(&1, 0))} (#{dur} min), waiting #{Q.size(q2)}"
        serve(q2, tellers, t + dur, [entry | log])
    end
  end
  defp take(q, 0, acc), do: {Enum.reverse(acc), q}
  defp take(q, n, acc) do
    case Q.pop(q) do
      :empty -> {Enum.reverse(acc), q}
      {x, q2} -> take(q2, n - 1, [x | acc])
    end
  end
end
customers = [{"ann", 3}, {"ben", 5}, {"cat", 2}, {"dov", 4}, {"eve", 1}, {"fay", 6}, {"gus", 2}]
{total, log} = Sim.run(customers, 2)
Enum.each(log, &IO.puts/1)
IO.puts("done at t=#{total}")
IO.inspect(Q.new() |> Q.push(1) |> Q.push(2))
