# Bad arguments to Path raise what Elixir raises.
show = fn label, f ->
  try do
    IO.inspect({label, f.()})
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

show.("type integer", fn -> Path.type(1) end)
show.("type atom", fn -> Path.type(:a) end)
show.("basename integer", fn -> Path.basename(1) end)
show.("join empty", fn -> Path.join([]) end)
show.("join integer", fn -> Path.join(1, "a") end)
show.("split nil", fn -> Path.split(nil) end)
show.("wildcard opts", fn -> Path.wildcard("*", :x) end)
show.("wildcard null", fn -> Path.wildcard("a\0b") end)
show.("wildcard brace", fn -> Path.wildcard("nonexistent_dir_x/{a") end)
show.("wildcard empty", fn -> Path.wildcard("") end)
show.("relative_to nil", fn -> Path.relative_to(nil, "/") end)
show.("expand integer", fn -> Path.expand(5) end)
Path.wildcard("")
