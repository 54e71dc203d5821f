# The deprecated r modifier (Elixir warns on stderr) is U, ungreedy.
IO.inspect(~r/a+/r)
IO.inspect(Regex.run(~r/a+/r, "aaa"))
IO.inspect(Regex.run(Regex.compile!("a+", "r"), "aaa"))
try do
  Regex.replace(~r/a/, "a", 1)
rescue
  e -> IO.inspect(e.__struct__)
end
