#!/usr/bin/env bash
# Golden test runner: runs every tests/golden/<area>/<name>.exs under EMBER and compares
# against the expected files that real Elixir produced (see docs/testing.md).
#
#   tests/run_golden.sh EMBER DIR [FILTER]
#
# EMBER   the implementation to test: a path (relative or absolute) or a command in PATH.
#         `tests/run_golden.sh elixir tests/golden` must pass 100% (it tests the runner).
# DIR     a corpus root (tests/golden) or one area (tests/golden/match).
# FILTER  optional substring of `area/name`; only matching tests run.
#
# Each test runs as `cd <area dir> && timeout $GOLDEN_TIMEOUT EMBER <name>.exs </dev/null`.
#   - stdout must equal <name>.out, both after normalization (below);
#   - when <name>.err exists, the first stderr line starting with `** (` must equal it (both
#     with pids and refs normalized) and the exit status must be 1; otherwise the exit status
#     must be 0.
# Normalization (tests/normalize_output.sh, shared with check_oracle.sh), applied to the
# expected and the actual text alike; output without processes is unaffected:
#   - `HH:MM:SS.mmm [` at the start of a line (Logger report header) -> `XX:XX:XX.XXX [`;
#   - `#PID<a.b.c>` -> `#PID<X>`, `#Reference<...>` -> `#Reference<X>` (also in the `** (` line);
#   - inside a Logger report (header line to next empty line), the stack-entry lines right after
#     a `** (` line are dropped (`    (app 1.2.3) path:line: ...`, `    file.exs:12: ...`,
#     `    :module.fun(...)`): Ember's frames for stdlib functions legitimately differ.
# A test whose first line is `# ember-differs: <reason>` runs like any other against its
# hand-reviewed expected files, and is listed at the end.
#
# Output is TAP (`ok N - area/name`, `not ok N - area/name` plus `#` diagnostics), ending with
# the line `N passed, M failed`. Exit status 1 if any test failed, 2 on usage errors.
# Environment: GOLDEN_JOBS (parallel jobs, default 2), GOLDEN_TIMEOUT (seconds, default 30).
set -u

usage() { echo "usage: $0 EMBER DIR [FILTER]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
EMBER=$1
DIR=$2
FILTER=${3:-}
JOBS=${GOLDEN_JOBS:-2}
TIMEOUT=${GOLDEN_TIMEOUT:-30}

# A path containing a slash is made absolute, because each test runs in its own directory.
if [[ $EMBER == */* ]]; then
    [ -e "$EMBER" ] || { echo "$0: $EMBER: not found" >&2; exit 2; }
    EMBER="$(cd "$(dirname "$EMBER")" && pwd)/$(basename "$EMBER")"
else
    command -v "$EMBER" >/dev/null || { echo "$0: $EMBER: command not found" >&2; exit 2; }
fi
[ -d "$DIR" ] || { echo "$0: $DIR: not a directory" >&2; exit 2; }
DIR=$(cd "$DIR" && pwd)
# shellcheck source=normalize_output.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/normalize_output.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Display name of a test: its path under DIR without .exs, prefixed with DIR's own name when
# DIR is a single area, so that names always read `area/name`.
display_name() {
    local rel=${1#"$DIR"/}
    rel=${rel%.exs}
    [[ $rel == */* ]] || rel="$(basename "$DIR")/$rel"
    printf '%s' "$rel"
}

mapfile -t ALL < <(find "$DIR" -name '*.exs' -type f | LC_ALL=C sort)
TESTS=()
NAMES=()
for f in "${ALL[@]}"; do
    name=$(display_name "$f")
    if [ -z "$FILTER" ] || [[ $name == *"$FILTER"* ]]; then
        TESTS+=("$f")
        NAMES+=("$name")
    fi
done
N=${#TESTS[@]}

# Runs test number $1 (file $2); writes $WORK/$1.res (first line: ok|fail, then diagnostics)
# and creates $WORK/$1.done last.
run_one() {
    local i=$1 file=$2
    local dir base stem out err rc res=$WORK/$i.res
    dir=${file%/*}
    base=${file##*/}
    stem=${file%.exs}
    exec 2>/dev/null # crashes are reported below, not by bash's job notices
    out=$WORK/$i.stdout
    err=$WORK/$i.stderr
    (cd "$dir" && exec timeout -k 5 "$TIMEOUT" "$EMBER" "$base" </dev/null >"$out" 2>"$err")
    rc=$?
    {
        local ok=1 abnormal=0
        if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
            echo "#   timed out after ${TIMEOUT}s (exit status $rc)"
            ok=0 abnormal=1
        elif [ "$rc" -gt 128 ]; then
            echo "#   killed by signal $((rc - 128))"
            ok=0 abnormal=1
        fi
        if [ -f "$stem.err" ]; then
            local want got
            want=
            IFS= read -r want <"$stem.err"
            got=$(grep -m 1 -a '^\*\* (' "$err")
            want=$(printf '%s\n' "$want" | normalize_output)
            got=$(printf '%s\n' "$got" | normalize_output)
            if [ "$rc" -ne 1 ] && [ "$abnormal" -eq 0 ]; then
                echo "#   exit status $rc, expected 1"
                ok=0
            fi
            if [ "$want" != "$got" ]; then
                echo "#   stderr: expected: $want"
                echo "#   stderr: got:      ${got:-(no '** (' line)}"
                ok=0
            fi
        elif [ "$rc" -ne 0 ] && [ "$abnormal" -eq 0 ]; then
            echo "#   exit status $rc, expected 0"
            ok=0
        fi
        if [ -f "$stem.out" ]; then
            if ! cmp -s "$stem.out" "$out" &&
                ! cmp -s <(normalize_output <"$stem.out") <(normalize_output <"$out"); then
                echo "#   stdout differs after normalization (--- expected, +++ got):"
                diff -u --label expected --label got <(normalize_output <"$stem.out") \
                    <(normalize_output <"$out") | sed -n '3,22s/^/#   /p'
                ok=0
            fi
        else
            echo "#   missing expected file $(basename "$stem").out (run tests/check_oracle.sh --bless)"
            ok=0
        fi
        if [ "$ok" -eq 0 ] && [ -s "$err" ]; then
            head -n 5 "$err" | sed 's/^/#   stderr| /'
        fi
        [ "$ok" -eq 1 ] && echo ok || echo fail
    } >"$res.tmp"
    # the verdict (last line written) goes first in the result file
    if [ "$(tail -n 1 "$res.tmp")" = ok ]; then echo ok >"$res"; else { echo fail; sed '$d' "$res.tmp"; } >"$res"; fi
    rm -f "$out" "$err" "$res.tmp"
    : >"$WORK/$i.done"
}
export -f run_one normalize_output
export WORK EMBER TIMEOUT

echo "1..$N"
# Feed "index file" pairs to the workers; results are printed in order as they complete.
for ((i = 0; i < N; i++)); do printf '%s\0%s\0' "$((i + 1))" "${TESTS[$i]}"; done |
    xargs -0 -n 2 -P "$JOBS" bash -c 'run_one "$1" "$2"' _ &
XARGS=$!

passed=0
failed=0
DIFFERS=()
for ((i = 1; i <= N; i++)); do
    while [ ! -e "$WORK/$i.done" ]; do
        if ! kill -0 "$XARGS" 2>/dev/null && [ ! -e "$WORK/$i.done" ]; then
            echo "# worker pool exited early" >&2
            break
        fi
        sleep 0.05
    done
    name=${NAMES[$((i - 1))]}
    file=${TESTS[$((i - 1))]}
    first=
    read -r first <"$file"
    if [[ $first == "# ember-differs:"* ]]; then
        reason=${first#"# ember-differs:"}
        DIFFERS+=("$name:$reason")
    fi
    verdict=
    [ -e "$WORK/$i.res" ] && read -r verdict <"$WORK/$i.res"
    if [ "$verdict" = ok ]; then
        echo "ok $i - $name"
        passed=$((passed + 1))
    else
        echo "not ok $i - $name"
        [ -e "$WORK/$i.res" ] && sed '1d' "$WORK/$i.res"
        failed=$((failed + 1))
    fi
done
wait "$XARGS" 2>/dev/null

for d in ${DIFFERS[@]+"${DIFFERS[@]}"}; do echo "# ember-differs: $d"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
