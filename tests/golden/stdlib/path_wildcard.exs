# Path.wildcard/1,2 over a fresh directory tree: *, ?, **, [..], {..}, escapes, dot files,
# literal parts, absolute and relative globs (printed relative to the tree).
root = "/tmp/ember_path_wildcard_#{System.system_time(:nanosecond)}_#{abs(:erlang.unique_integer())}"

for dir <- ["a/b", "c", ".hid", "d.x"], do: File.mkdir_p!(Path.join(root, dir))

for file <- ~w(f1.ex f2.exs .dot a/g.ex a/b/h.ex a/b/i.txt c/j.ex .hid/k.ex x1 x2 x10 ü.ex d.x/m.ex) ++ ["sp ace.ex", "br[ack", "st*ar"] do
  File.write!(Path.join(root, file), "")
end

# The same tree through a relative path: "../" up to "/" from the current directory.
up = String.duplicate("../", length(Path.split(File.cwd!())) - 1)
relative_root = up <> String.trim_leading(root, "/")

show = fn glob, opts ->
  absolute = Path.wildcard(root <> "/" <> glob, opts)
  relative = Path.wildcard(relative_root <> "/" <> glob, opts)
  strip = fn paths, prefix -> Enum.map(paths, &String.replace_prefix(&1, prefix, "")) end
  same = strip.(absolute, root) == strip.(relative, relative_root)
  IO.inspect({glob, opts, strip.(absolute, root), same})
end

globs = ["*", "*.ex", "**/*.ex", "**", "x?", "x[0-9]", "x[12]*", "x[]1]", "{a,c}/*.ex", "*.{ex,exs}",
  "nope", "a/b/h.ex", "*/b/*", ".*", "?.ex", "x\\1", "st\\*ar", "br[ack", "nope/*",
  "**/b", "*x*", "a/../c/*", "./c/*", "c/.", "*/.", "c//j.ex", "a/b/", "[a-c]", "[c-a]*",
  "{,x}1", "*.e?", "**/*/*.ex", "a/**", "a/**/*.txt", "d.x/*"]

for glob <- globs, do: show.(glob, [])
for glob <- ["*", "**/*.ex", ".*", "*/k.ex"], do: show.(glob, match_dot: true)
IO.inspect(Path.wildcard(String.to_charlist(root <> "/c/*")) |> Enum.map(&Path.relative_to(&1, root)))
IO.inspect(Path.wildcard([root, "/c", '/*']) |> Enum.map(&Path.relative_to(&1, root)))
IO.inspect(Path.wildcard("/"))
IO.inspect(Path.wildcard("/nonexistent_ember_dir/*"))

for file <- Path.wildcard(root <> "/**", match_dot: true) |> Enum.sort_by(&(-byte_size(&1))) do
  if File.dir?(file), do: File.rmdir!(file), else: File.rm!(file)
end

File.rmdir!(root)
IO.inspect(File.exists?(root))
