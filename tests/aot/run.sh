#!/usr/bin/env bash
# Compiled-module tests: modules compiled ahead of time with `EMBER compile`, then loaded from
# the code path by a script (docs/testing.md, "Compiled modules"):
#
#   tests/aot/run.sh EMBER [FILTER]
#
# Each case tests/aot/<case>/ holds lib/*.ex (the modules), main.exs (the script) and the
# expected files that tests/aot/bless.sh wrote from real Elixir (`elixirc` + `elixir -pa`):
#   expected.out  stdout, compared after normalize_output (tests/normalize_output.sh);
#   expected.err  only for a case that must fail: the first stderr line starting with `** (`;
#                 the exit status must then be 1 (otherwise 0).
# The case runs as `cd <case> && EMBER -pa TMP main.exs </dev/null` after
# `EMBER compile lib/*.ex -o TMP`. An optional file <case>/how changes the code path:
#   pa        the default above;
#   split     each lib file compiled to its own directory, one `-pa` per directory;
#   env       EMBER_PATH=TMP instead of -pa;
#   envsplit  each lib file to its own directory, joined in EMBER_PATH=D1:D2:...
# After the cases come Ember-only checks with no oracle: corrupt, truncated and renamed .emb
# files are refused ("cannot load", exit 1), -pa is searched before EMBER_PATH, and
# `ember --dis` prints a compiled module.
# Output is TAP-like (`ok N - name`, `not ok N - name` plus `#` lines), ending with
# `N passed, M failed`; exit status 1 if anything failed, 2 on usage errors.
# Environment: AOT_TIMEOUT (seconds per command, default 30).
set -u

[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 EMBER [FILTER]" >&2; exit 2; }
EMBER=$1
FILTER=${2:-}
TIMEOUT=${AOT_TIMEOUT:-30}
if [[ $EMBER == */* ]]; then
    [ -x "$EMBER" ] || { echo "$0: $EMBER: not found" >&2; exit 2; }
    EMBER="$(cd "$(dirname "$EMBER")" && pwd)/$(basename "$EMBER")"
else
    command -v "$EMBER" >/dev/null || { echo "$0: $EMBER: command not found" >&2; exit 2; }
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../normalize_output.sh
source "$ROOT/../normalize_output.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aot.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

n=0
passed=0
failed=0
# report NAME: prints the verdict from $WORK/diag (empty means ok) and counts it.
report() {
    n=$((n + 1))
    if [ -s "$WORK/diag" ]; then
        echo "not ok $n - $1"
        cat "$WORK/diag"
        failed=$((failed + 1))
    else
        echo "ok $n - $1"
        passed=$((passed + 1))
    fi
    : >"$WORK/diag"
}
diag() { echo "#   $*" >>"$WORK/diag"; }
: >"$WORK/diag"

# compile_lib CASE_DIR OUT_DIR: compiles CASE_DIR/lib/*.ex into OUT_DIR; diag on failure.
compile_lib() {
    mkdir -p "$2"
    if ! (cd "$1" && timeout "$TIMEOUT" "$EMBER" compile lib/*.ex -o "$2" >"$WORK/cout" 2>&1); then
        diag "ember compile failed:"
        head -n 5 "$WORK/cout" | sed 's/^/#   | /' >>"$WORK/diag"
        return 1
    fi
}

# run_case DIR: compiles and runs one case, compares with its expected files.
run_case() {
    local dir=$1 name=${1##*/} how=pa rc out=$WORK/out err=$WORK/err
    local -a env=() args=()
    [ -f "$dir/how" ] && read -r how <"$dir/how"
    local ebin=$WORK/ebin-$name
    case $how in
        pa | env)
            compile_lib "$dir" "$ebin" || return
            if [ "$how" = pa ]; then args=(-pa "$ebin"); else env=("EMBER_PATH=$ebin"); fi
            ;;
        split | envsplit)
            local f path=
            for f in "$dir"/lib/*.ex; do
                local one=$ebin/$(basename "$f" .ex)
                mkdir -p "$one"
                if ! (cd "$dir" && timeout "$TIMEOUT" "$EMBER" compile "lib/${f##*/}" -o "$one" \
                    >"$WORK/cout" 2>&1); then
                    diag "ember compile lib/${f##*/} failed:"
                    head -n 5 "$WORK/cout" | sed 's/^/#   | /' >>"$WORK/diag"
                    return
                fi
                args+=(-pa "$one")
                path=${path:+$path:}$one
            done
            if [ "$how" = envsplit ]; then args=(); env=("EMBER_PATH=$path"); fi
            ;;
        *) diag "unknown how '$how'"; return ;;
    esac
    (cd "$dir" && exec env -u EMBER_PATH "${env[@]}" timeout -k 5 "$TIMEOUT" "$EMBER" \
        "${args[@]}" main.exs </dev/null >"$out" 2>"$err")
    rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        diag "timed out after ${TIMEOUT}s (exit status $rc)"
    elif [ "$rc" -gt 128 ]; then
        diag "killed by signal $((rc - 128))"
    fi
    if [ -f "$dir/expected.err" ]; then
        local want got
        IFS= read -r want <"$dir/expected.err"
        got=$(grep -m 1 -a '^\*\* (' "$err")
        [ "$rc" -eq 1 ] || diag "exit status $rc, expected 1"
        if [ "$(printf '%s\n' "$want" | normalize_output)" != "$(printf '%s\n' "$got" | normalize_output)" ]; then
            diag "stderr: expected: $want"
            diag "stderr: got:      ${got:-(no '** (' line)}"
        fi
    elif [ "$rc" -ne 0 ]; then
        diag "exit status $rc, expected 0"
    fi
    if [ ! -f "$dir/expected.out" ]; then
        diag "missing expected.out (run tests/aot/bless.sh)"
    elif ! cmp -s <(normalize_output <"$dir/expected.out") <(normalize_output <"$out"); then
        diag "stdout differs after normalization (--- expected, +++ got):"
        diff -u --label expected --label got <(normalize_output <"$dir/expected.out") \
            <(normalize_output <"$out") | sed -n '3,22s/^/#   /p' >>"$WORK/diag"
    fi
    if [ -s "$WORK/diag" ] && [ -s "$err" ]; then
        head -n 5 "$err" | sed 's/^/#   stderr| /' >>"$WORK/diag"
    fi
}

for dir in "$ROOT"/*/; do
    dir=${dir%/}
    [ -f "$dir/main.exs" ] || continue
    [ -z "$FILTER" ] || [[ ${dir##*/} == *"$FILTER"* ]] || continue
    run_case "$dir"
    how=pa
    [ -f "$dir/how" ] && read -r how <"$dir/how"
    report "${dir##*/}${how:+ ($how)}"
done

# ==== Ember-only checks (no oracle) ====
[ -n "$FILTER" ] && [[ ember-only != *"$FILTER"* ]] && {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

# A module for the checks below, compiled once.
SRC=$WORK/src
mkdir -p "$SRC/lib" "$WORK/good"
cat >"$SRC/lib/probe.ex" <<'EOF'
defmodule Probe do
  def answer, do: 42
  def echo_twice(x), do: {x, x}
end
EOF
cat >"$SRC/lib/other.ex" <<'EOF'
defmodule Other do
  def answer, do: :other
end
EOF
cat >"$SRC/main.exs" <<'EOF'
IO.puts("start")
IO.inspect(Probe.answer())
EOF
(cd "$SRC" && "$EMBER" compile lib/probe.ex lib/other.ex -o "$WORK/good" >/dev/null 2>&1)
GOOD=$WORK/good/Elixir.Probe.emb
[ -s "$GOOD" ] || diag "ember compile did not write $GOOD"
report "ember-only: compile writes Elixir.Probe.emb"

# expect_refused LABEL DIR: main.exs with DIR on the path must print "start", then fail with
# exit 1, "cannot load" on stderr and UndefinedFunctionError for Probe.answer/0.
expect_refused() {
    local rc first
    (cd "$SRC" && exec env -u EMBER_PATH timeout -k 5 "$TIMEOUT" "$EMBER" -pa "$2" main.exs \
        </dev/null >"$WORK/out" 2>"$WORK/err")
    rc=$?
    [ "$rc" -eq 1 ] || diag "exit status $rc, expected 1"
    grep -q 'cannot load' "$WORK/err" || diag "stderr lacks 'cannot load'"
    first=$(grep -m 1 -a '^\*\* (' "$WORK/err")
    [[ $first == '** (UndefinedFunctionError) function Probe.answer/0 is undefined'* ]] ||
        diag "first '** (' line: ${first:-(none)}"
    [ "$(cat "$WORK/out")" = start ] || diag "stdout: $(head -c 200 "$WORK/out")"
    [ -s "$WORK/diag" ] && head -n 5 "$WORK/err" | sed 's/^/#   stderr| /' >>"$WORK/diag"
    report "ember-only: $1"
}

mkdir -p "$WORK/garbage"
head -c 300 /dev/urandom >"$WORK/garbage/Elixir.Probe.emb"
expect_refused "random bytes in .emb are refused" "$WORK/garbage"

mkdir -p "$WORK/empty"
: >"$WORK/empty/Elixir.Probe.emb"
expect_refused "empty .emb is refused" "$WORK/empty"

if [ -s "$GOOD" ]; then
    size=$(wc -c <"$GOOD")
    for cut in 4 $((size / 2)) $((size - 1)); do
        mkdir -p "$WORK/trunc$cut"
        head -c "$cut" "$GOOD" >"$WORK/trunc$cut/Elixir.Probe.emb"
        expect_refused "truncated .emb ($cut of $size bytes) is refused" "$WORK/trunc$cut"
    done
    # A valid module file under another module's name must not define the wrong module.
    mkdir -p "$WORK/renamed"
    cp "$WORK/good/Elixir.Other.emb" "$WORK/renamed/Elixir.Probe.emb"
    expect_refused ".emb of module Other renamed to Elixir.Probe.emb is refused" "$WORK/renamed"
fi

# The intact file loads, from -pa and from EMBER_PATH.
(cd "$SRC" && exec env -u EMBER_PATH timeout "$TIMEOUT" "$EMBER" -pa "$WORK/good" main.exs \
    </dev/null >"$WORK/out" 2>"$WORK/err") || diag "exit status $?"
[ "$(tr '\n' ' ' <"$WORK/out")" = "start 42 " ] || diag "stdout: $(head -c 200 "$WORK/out")"
report "ember-only: intact .emb loads with -pa"

# -pa comes before EMBER_PATH, and several -pa directories are searched in order.
mkdir -p "$WORK/v2src/lib" "$WORK/v2"
sed 's/42/:second/' "$SRC/lib/probe.ex" >"$WORK/v2src/lib/probe.ex"
(cd "$WORK/v2src" && "$EMBER" compile lib/probe.ex -o "$WORK/v2" >/dev/null 2>&1)
(cd "$SRC" && exec env EMBER_PATH="$WORK/good" timeout "$TIMEOUT" "$EMBER" -pa "$WORK/v2" \
    main.exs </dev/null >"$WORK/out" 2>"$WORK/err") || diag "exit status $?"
[ "$(tr '\n' ' ' <"$WORK/out")" = "start :second " ] || diag "stdout: $(head -c 200 "$WORK/out")"
report "ember-only: -pa is searched before EMBER_PATH"
(cd "$SRC" && exec env -u EMBER_PATH timeout "$TIMEOUT" "$EMBER" -pa "$WORK/empty-dir-none" \
    -pa "$WORK/good" main.exs </dev/null >"$WORK/out" 2>"$WORK/err") || diag "exit status $?"
[ "$(tr '\n' ' ' <"$WORK/out")" = "start 42 " ] || diag "stdout: $(head -c 200 "$WORK/out")"
report "ember-only: a missing -pa directory is skipped"

# --dis prints the compiled module.
if timeout "$TIMEOUT" "$EMBER" --dis "$GOOD" >"$WORK/out" 2>"$WORK/err"; then
    for fn in answer/0 echo_twice/1 Probe; do
        grep -q "$fn" "$WORK/out" || diag "--dis output does not mention $fn"
    done
else
    diag "--dis exit status $?"
    head -n 5 "$WORK/err" | sed 's/^/#   stderr| /' >>"$WORK/diag"
fi
report "ember-only: --dis disassembles a .emb file"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
