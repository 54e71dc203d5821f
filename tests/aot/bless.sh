#!/usr/bin/env bash
# Writes the expected files of the compiled-module tests (tests/aot/<case>/) from real Elixir,
# the only source of expected files:
#
#   tests/aot/bless.sh [FILTER]
#
# For each case: `elixirc lib/*.ex -o TMP`, then `cd <case> && elixir -pa TMP main.exs
# </dev/null`. stdout becomes expected.out; when Elixir exits 1, the first stderr line starting
# with `** (` becomes expected.err (otherwise expected.err is removed). A case that fails to
# compile, times out, exits with another status or exits 1 without a `** (` line is refused.
# FILTER keeps only the cases whose name contains it. Environment: ELIXIR, ELIXIRC (oracle
# commands), AOT_TIMEOUT (seconds per case, default 120). Exit status 1 if any case failed.
set -u

FILTER=${1:-}
ELIXIR=${ELIXIR:-elixir}
ELIXIRC=${ELIXIRC:-elixirc}
TIMEOUT=${AOT_TIMEOUT:-120}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for cmd in "$ELIXIR" "$ELIXIRC"; do
    command -v "$cmd" >/dev/null || { echo "$0: $cmd: command not found (make deps-oracle)" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aot-bless.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

failed=0
for dir in "$ROOT"/*/; do
    dir=${dir%/}
    name=${dir##*/}
    [ -f "$dir/main.exs" ] || continue
    [ -z "$FILTER" ] || [[ $name == *"$FILTER"* ]] || continue
    ebin=$WORK/$name
    mkdir -p "$ebin"
    if ! (cd "$dir" && timeout "$TIMEOUT" "$ELIXIRC" lib/*.ex -o "$ebin" </dev/null \
        >"$WORK/$name.cout" 2>&1); then
        echo "not ok - $name (elixirc failed)"
        sed 's/^/#   /' "$WORK/$name.cout" | head -n 10
        failed=$((failed + 1))
        continue
    fi
    (cd "$dir" && exec timeout -k 5 "$TIMEOUT" "$ELIXIR" -pa "$ebin" main.exs </dev/null \
        >"$WORK/$name.out" 2>"$WORK/$name.err")
    rc=$?
    first=$(grep -m 1 -a '^\*\* (' "$WORK/$name.err")
    if [ "$rc" -ne 0 ] && { [ "$rc" -ne 1 ] || [ -z "$first" ]; }; then
        echo "not ok - $name (elixir exit status $rc, expected 0, or 1 with a '** (' line)"
        head -n 5 "$WORK/$name.err" | sed 's/^/#   stderr| /'
        failed=$((failed + 1))
        continue
    fi
    cp "$WORK/$name.out" "$dir/expected.out"
    if [ "$rc" -eq 1 ]; then printf '%s\n' "$first" >"$dir/expected.err"; else rm -f "$dir/expected.err"; fi
    echo "ok - $name # blessed"
done
[ "$failed" -eq 0 ]
