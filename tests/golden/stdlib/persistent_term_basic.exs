# :persistent_term: put/get/erase, defaults, overwrite, values read from other processes,
# get/0 and info/0 shapes, and the missing-key error.
:ok = :persistent_term.put({:app, :config}, %{name: "ember", list: [1, 2, 3], big: String.duplicate("x", 200)})
IO.inspect(:persistent_term.get({:app, :config}).list)
IO.inspect(byte_size(:persistent_term.get({:app, :config}).big))
IO.inspect(:persistent_term.get(:absent, :default))

parent = self()

for i <- 1..8 do
  spawn(fn ->
    cfg = :persistent_term.get({:app, :config})
    :persistent_term.put({:worker, i}, i * i)
    send(parent, {:read, i, cfg.name})
  end)
end

reads = for _ <- 1..8, do: receive(do: ({:read, i, name} -> {i, name}))
IO.inspect(Enum.sort(reads))
IO.inspect(Enum.map(1..8, &:persistent_term.get({:worker, &1})))

:ok = :persistent_term.put(:counter, 1)
:ok = :persistent_term.put(:counter, 2)
IO.inspect(:persistent_term.get(:counter), label: "overwritten")
IO.inspect(:persistent_term.erase(:counter))
IO.inspect(:persistent_term.erase(:counter))
IO.inspect(:persistent_term.get(:counter, nil))

mine = for {{:worker, _}, _} = kv <- :persistent_term.get(), do: kv
IO.inspect(Enum.sort(mine))
info = :persistent_term.info()
IO.inspect({is_integer(info.count), is_integer(info.memory), info.count >= 9})

try do
  :persistent_term.get(:missing)
rescue
  e -> IO.puts(Exception.message(e))
end

:persistent_term.get({:app, :nope})
