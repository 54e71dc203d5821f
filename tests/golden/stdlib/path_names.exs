# Path's pure functions (no file system): basename, dirname, extname, rootname, split, type,
# relative and join over edge cases (slashes, dots, charlists, chardata).
cases = ["", "/", "//", "foo", "foo/", "foo//", "/foo", "/foo/", "foo/bar", "foo//bar/", "/foo/bar.ex", ".bashrc", "a/.bashrc", "foo.", "a.b.c", "a.b/c", "a.b/c.d", "..", ".", "../x", "a/./b", "/a/../b", "foo.tar.gz", "x/y.", "./.", "a//b//c.e", "///a", "./x", ".a.b", "..a", "a..", "...", "a/..", "/.x", "/.", ".ex", "a/.ex", "b.ex/", 'char/list.ex', ["a", ?/, 'b.c']]
for c <- cases do
  IO.inspect({c, Path.basename(c), Path.dirname(c), Path.extname(c), Path.rootname(c), Path.split(c), Path.type(c), Path.relative(c), Path.basename(c, ".ex"), Path.rootname(c, ".ex"), Path.basename(c, ".gz"), Path.rootname(c, ".c")})
end
joins = [{"foo", "bar"}, {"/", "bar"}, {"", "bar"}, {"foo/", "/bar"}, {"foo", "/"}, {"/foo/", "bar/"}, {"foo", ""}, {"", ""}, {"a//", "b"}, {'x', "y"}, {"x", ["y", ?z]}]
for {a, b} <- joins, do: IO.inspect({a, b, Path.join(a, b), Path.join([a, b]), Path.join([a, b, "c"])})
IO.inspect Path.join(["foo"])
IO.inspect Path.join(["/", "foo", "bar/"])
IO.inspect Path.join(["~", "foo"])
