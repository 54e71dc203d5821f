# Long lists wrap at 80 columns and are truncated after 50 items.
IO.inspect(Enum.to_list(1..30))
IO.inspect(Enum.to_list(1..60))
IO.inspect(Enum.to_list(1000..1040))
IO.inspect(Enum.map(1..12, fn i -> "item number #{i}" end))
