# A traffic-light / turnstile state machine driven by a transition map.
defmodule Turnstile do
  @transitions %{
    {:locked, :coin} => :unlocked,
    {:locked, :push} => :locked,
    {:unlocked, :push} => :locked,
    {:unlocked, :coin} => :unlocked
  }
  def step(state, event) do
    case Map.fetch(@transitions, {state, event}) do
      {:ok, next} -> {:ok, next}
      :error -> {:error, {state, event}}
    end
  end
  def run(events) do
    Enum.reduce(events, {:locked, %{coins: 0, passes: 0, errors: []}}, fn ev, {st, stats} ->
      stats = case ev do
        :coin -> %{stats | coins: stats.coins + 1}
        :push when st == :unlocked -> %{stats | passes: stats.passes + 1}
        _ -> stats
      end
      case step(st, ev) do
        {:ok, next} ->
          IO.puts("#{st} --#{ev}--> #{next}")
          {next, stats}
        {:error, e} ->
          IO.puts("invalid event #{inspect(ev)} in #{st}")
          {st, %{stats | errors: [e | stats.errors]}}
      end
    end)
  end
end
{final, stats} = Turnstile.run([:push, :coin, :push, :coin, :coin, :kick, :push, :push])
IO.inspect(final)
IO.inspect(stats)
