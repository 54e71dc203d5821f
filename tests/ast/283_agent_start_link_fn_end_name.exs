Agent.start_link(fn -> %{} end, name: __MODULE__)
