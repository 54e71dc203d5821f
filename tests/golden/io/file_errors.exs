# The bang variants raise File.Error with Elixir's wording.
dir = "/nonexistent_ember_io_dir"
show = fn f ->
  try do
    f.()
  rescue
    e in File.Error -> IO.puts(Exception.message(e))
  end
end
show.(fn -> File.read!(dir <> "/a") end)
show.(fn -> File.write!(dir <> "/a", "x") end)
show.(fn -> File.ls!(dir) end)
show.(fn -> File.rm!(dir <> "/a") end)
show.(fn -> File.rmdir!(dir) end)
show.(fn -> File.mkdir!(dir <> "/a/b") end)
show.(fn -> File.mkdir_p!("/etc/passwd/x") end)
show.(fn -> File.read!("/") end)
e = %File.Error{reason: :enoent, action: "read file", path: "x"}
IO.puts(Exception.message(e))
IO.inspect(File.read!("/nonexistent/ember"))
