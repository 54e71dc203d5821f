# OptionParser.parse!/2 and parse_head!/2 errors (ParseError messages with "Did you mean"),
# bad configurations, split/1 and to_argv/2.
show = fn label, f ->
  try do
    IO.inspect({label, f.()})
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

show.("ok", fn -> OptionParser.parse!(["--debug", "x"], switches: [debug: :boolean]) end)
show.("head ok", fn -> OptionParser.parse_head!(["x", "--debug"], switches: [debug: :boolean]) end)
show.("bad int", fn -> OptionParser.parse!(["--limit", "x"], strict: [limit: :integer]) end)
show.("bad float", fn -> OptionParser.parse!(["--ratio", "x"], switches: [ratio: :float]) end)
show.("missing", fn -> OptionParser.parse!(["--limit"], strict: [limit: :integer]) end)
show.("unknown", fn -> OptionParser.parse!(["--verbos"], strict: [verbose: :boolean]) end)
show.("unknown far", fn -> OptionParser.parse!(["--xyz"], strict: [verbose: :boolean]) end)
show.("unknown dash", fn -> OptionParser.parse!(["--source-pat"], strict: [source_path: :string]) end)
show.("unknown alias", fn -> OptionParser.parse!(["-q"], strict: [verbose: :boolean]) end)
show.("alias type", fn -> OptionParser.parse!(["-l", "x"], strict: [limit: :integer], aliases: [l: :limit]) end)
show.("alias missing", fn -> OptionParser.parse!(["-l"], strict: [limit: :integer], aliases: [l: :limit]) end)
show.("negated value", fn -> OptionParser.parse!(["--no-debug=x"], strict: [debug: :boolean]) end)
show.("count value", fn -> OptionParser.parse!(["--v=3"], strict: [v: :count]) end)
show.("two errors", fn -> OptionParser.parse!(["--limit", "x", "--zzz"], strict: [limit: :integer]) end)
show.("head errors", fn -> OptionParser.parse_head!(["--limit", "x", "a", "--zzz"], strict: [limit: :integer]) end)
show.("both", fn -> OptionParser.parse([], switches: [], strict: []) end)
show.("bad type", fn -> OptionParser.parse([], switches: [a: :atom, b: [:string, :list]]) end)
show.("argv not list", fn -> OptionParser.parse("x", []) end)
show.("opts not list", fn -> OptionParser.parse([], nil) end)

for s <- ["foo bar", "  foo   bar  ", "foo \"bar baz\"", "foo 'bar \"baz\"'", "a\\ b", "a\\\"b", "\"a\\\"b\"",
          "'a\\'b'", "", "   ", "a\"b c\"d", "'' x", "\"\""] do
  show.({:split, s}, fn -> OptionParser.split(s) end)
end

show.("split open", fn -> OptionParser.split("foo \"bar") end)
show.("split open single", fn -> OptionParser.split("'x") end)
show.("split atom", fn -> OptionParser.split(:x) end)
IO.inspect(OptionParser.to_argv(foo_bar: "baz", flag: true, other: false, gone: nil, n: 3))
IO.inspect(OptionParser.to_argv([v: 3, w: 2], switches: [v: :count]))
IO.inspect(OptionParser.to_argv(%{a: 1.5}))
IO.inspect(OptionParser.to_argv([]))
show.("to_argv string key", fn -> OptionParser.to_argv([{"a", true}]) end)
OptionParser.parse!(["--limit", "x"], strict: [limit: :integer])
