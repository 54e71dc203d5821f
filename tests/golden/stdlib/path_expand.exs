# Path.absname/expand/relative_to/relative_to_cwd/safe_relative: results that involve the
# machine (cwd, home) are compared, not printed.
abs = [{"foo", "/bar"}, {"../x", "/bar/baz"}, {"/a/b/", "/x"}, {"/", "/x"}, {"a//b/./c", "/x/"}, {"./a", "/x/."}, {"a", "/x//"}, {"", "/x"}, {".", "/x"}, {"a/.", "/x"}]
for {a, b} <- abs, do: IO.inspect({a, b, Path.absname(a, b), Path.expand(a, b)})
IO.inspect Path.expand("/foo/bar/../bar")
IO.inspect Path.expand("/foo/../../..")
IO.inspect Path.expand("/..")
IO.inspect Path.expand("foo/bar/../bar", "/baz")
IO.inspect Path.expand("~foo", "/x")
IO.inspect Path.expand("/a/./b/.")
IO.inspect Path.relative_to_cwd(Path.expand("x/y")) 
IO.inspect Path.relative_to_cwd("/nonexistent/zzz")
IO.inspect Path.relative_to_cwd(File.cwd!())
IO.inspect Path.relative_to(Path.absname("foo"), File.cwd!())
IO.inspect Path.expand("~") == System.get_env("HOME")
IO.inspect Path.expand("~/a/../b") == System.get_env("HOME") <> "/b"
IO.inspect Path.expand("..") == Path.dirname(File.cwd!())
IO.inspect Path.absname("x") == File.cwd!() <> "/x"
IO.inspect Path.expand("foo", "bar") == File.cwd!() <> "/bar/foo"
IO.inspect Path.absname("../x", "bar") == File.cwd!() <> "/bar/../x"
rel = [{"/usr/local/foo", "/usr/local"}, {"/usr/local/foo", "/"}, {"/usr/local/foo", "/etc"}, {"/usr/local/foo", "/usr/local/foo"}, {"usr/local/foo", "usr"}, {"/usr/local/foo", "/usr/local/foo/bar"}, {"a", "b"}, {"/a//b/", "/a"}]
for {a, b} <- rel, do: IO.inspect({a, b, Path.relative_to(a, b)})
safe = ["foo", "foo/../bar", "foo/..", "..", "/abs", "a/./b", "a/../../b", "", ".", "a/b/../../c/.."]
for s <- safe, do: IO.inspect({s, Path.safe_relative_to(s, "/tmp"), Path.safe_relative(s)})
IO.inspect Path.absname("x/../y", "/r") 
IO.inspect Path.absname('x', '/r')
IO.inspect Path.expand(["/a", ?/, "b/.."])
IO.inspect Path.expand("a", "~") == System.get_env("HOME") <> "/a"
IO.inspect Path.relative_to('/a/b', '/a')
IO.inspect Path.relative_to_cwd(Path.join(File.cwd!(), "q/r"))
IO.inspect File.cwd() == {:ok, File.cwd!()}
IO.inspect Path.type(File.cwd!())
bases = ["/r", "/r/", "/r//", "/", "//", "/r/.", "/./r", "r", "", "./r", "/r/..", "/r/./"]
paths = ["x", "./x", "x/.", "x/./", "x//y/", ".", "./", "", "..", "a/../b", "/abs//p/./q/", "/", "//", "/.", "/./", ".x", "x/.y"]
for b <- bases, p <- paths, do: IO.inspect({b, p, Path.absname(p, b), Path.expand(p, "/" <> b)})
for a <- ["a//", "a", "/", "", "a/.", "//"], b <- ["/", "b", "/b", "b//", "", ".", 'c', "//"], do: IO.inspect({a, b, Path.join(a, b)})
