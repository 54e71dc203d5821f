# :ets.update_counter from many processes at once: no update is lost
table = :ets.new(:counters, [:set, :public, {:write_concurrency, true}])
:ets.insert(table, {:hits, 0})
parent = self()
workers = 16
rounds = 500
for w <- 1..workers do
  spawn(fn ->
    for _ <- 1..rounds do
      :ets.update_counter(table, :hits, 1)
      :ets.update_counter(table, {:worker, rem(w, 4)}, {2, 1}, {{:worker, rem(w, 4)}, 0})
      :ets.insert(table, {{:seen, w}, true})
    end
    send(parent, :done)
  end)
end
for _ <- 1..workers, do: receive(do: (:done -> :ok))
IO.inspect(:ets.lookup(table, :hits))
IO.inspect(Enum.sort(for {{:worker, _}, _} = o <- :ets.tab2list(table), do: o))
IO.inspect(length(for {{:seen, _}, true} <- :ets.tab2list(table), do: 1))
IO.inspect(:ets.update_counter(table, :hits, -8000))
IO.inspect(:ets.update_counter(table, :hits, {2, 10, 5, 100}))
IO.inspect(:ets.update_counter(table, :hits, {2, -1, 50, 7}))
IO.inspect(:ets.update_counter(table, :hits, [{2, 1}, {2, 2}]))
:ets.insert(table, {:multi, 0, 0, :x})
IO.inspect(:ets.update_counter(table, :multi, [{2, 5}, {3, -5}]))
IO.inspect(:ets.lookup(table, :multi))
IO.inspect(:ets.update_counter(table, :fresh, 3, {:ignored, 10}))
IO.inspect(:ets.update_counter(table, :big, 1, {:big, 9_223_372_036_854_775_807}))
