# Access with keyword lists, nested updates with put_in/update_in/get_and_update_in
cfg = [db: [host: "localhost", port: 5432], cache: [ttl: 60]]
IO.inspect(cfg[:db][:port])
IO.inspect(get_in(cfg, [:cache, :ttl]))
IO.inspect(put_in(cfg, [:db, :port], 6543))
IO.inspect(update_in(cfg, [:cache, :ttl], &(&1 * 2)))
state = %{users: %{"ann" => %{score: 1}, "bob" => %{score: 5}}}
state = update_in(state, [:users, "ann", :score], &(&1 + 10))
IO.inspect(state)
IO.inspect(put_in(state[:users]["cat"], %{score: 0}))
{old, new} = get_and_update_in(state, [:users, "bob", :score], &{&1, &1 * 3})
IO.inspect({old, new})
IO.inspect(pop_in(state, [:users, "ann"]))
IO.inspect(Map.update(state.users, "dan", %{score: 1}, & &1))
IO.inspect(Keyword.get(cfg, :missing, []))
IO.inspect(get_in(state, [:users, "zed", :score]))
scores = for {name, %{score: s}} <- state.users, into: [], do: {String.to_atom(name), s}
IO.inspect(scores)
