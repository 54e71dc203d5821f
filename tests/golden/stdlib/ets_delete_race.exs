# :ets tables deleted while other processes insert, read and update them: users get ArgumentError, nothing crashes
defmodule Race do
  def run do
    parent = self()
    for round <- 1..30 do
      t = :ets.new(:race, [:public, :ordered_set])
      b = :ets.new(:raceb, [:public, :bag])
      ws = for w <- 1..6 do
        spawn(fn ->
          r = try do
            for i <- 1..300 do
              :ets.insert(t, {i, String.duplicate("v", 100), w})
              :ets.insert(b, {rem(i, 7), w, "bin#{i}"})
              :ets.lookup(t, i)
              :ets.tab2list(b)
              :ets.update_counter(t, i, {3, 1})
              :ets.next(t, i)
            end
            :ok
          rescue
            ArgumentError -> :gone
          end
          send(parent, {:done, r})
        end)
      end
      _ = ws
      Process.sleep(rem(round, 3))
      :ets.delete(t)
      :ets.delete(b)
      for _ <- 1..6, do: receive(do: ({:done, _} -> :ok))
    end
    IO.puts("ok")
  end
end
Race.run()
