#!/usr/bin/env bash
# Compares Ember's parser with real Elixir: for every tests/ast/*.exs snippet, the quoted form
# printed by `AST_COMMAND file` must equal Code.string_to_quoted!/1 with metadata stripped,
# inspected with limit/printable_limit/width :infinity and charlists: :as_lists.
# Usage: tests/ast/check_ast.sh [AST_COMMAND...]   (default: build/release/ember --ast)
# Prints TAP; exits 1 when any snippet differs.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -gt 0 ]; then cmd=("$@"); else cmd=(build/release/ember --ast); fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# One elixir run quotes every snippet (about 0.5 s instead of 0.25 s per file).
elixir -e '
[dir | files] = System.argv()
for f <- files do
  q = f |> File.read!() |> Code.string_to_quoted!()
  q = Macro.prewalk(q, &Macro.update_meta(&1, fn _ -> [] end))
  out = inspect(q, limit: :infinity, printable_limit: :infinity, width: :infinity,
                charlists: :as_lists)
  File.write!(Path.join(dir, Path.basename(f) <> ".want"), out <> "\n")
end' "$tmp" "$here"/*.exs || { echo "Bail out! elixir failed"; exit 1; }

files=("$here"/*.exs)
echo "1..${#files[@]}"
fail=0
i=0
for f in "${files[@]}"; do
    i=$((i + 1))
    name="$(basename "$f")"
    if timeout 10 "${cmd[@]}" "$f" > "$tmp/$name.got" 2> "$tmp/$name.err" &&
       cmp -s "$tmp/$name.want" "$tmp/$name.got"; then
        echo "ok $i - $name"
    else
        fail=$((fail + 1))
        echo "not ok $i - $name"
        echo "#  want: $(head -c 400 "$tmp/$name.want")"
        echo "#  got:  $(head -c 400 "$tmp/$name.got" "$tmp/$name.err")"
    fi
done
echo "# $fail of ${#files[@]} differ"
[ "$fail" -eq 0 ]
