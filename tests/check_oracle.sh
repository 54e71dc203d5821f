#!/usr/bin/env bash
# Oracle check for the golden corpus: runs every <name>.exs under real Elixir and either
# writes its expected files (--bless) or reports drift between Elixir and them.
#
#   tests/check_oracle.sh [--bless] DIR [FILTER]
#
# Each program runs as `cd <area dir> && timeout $ORACLE_TIMEOUT elixir <name>.exs </dev/null`.
# Expected files:
#   <name>.out  stdout exactly (bless writes it raw; the check compares after normalization);
#   <name>.err  only when the program fails (exit status 1): the first stderr line that starts
#               with `** (`. Compile warnings and Elixir's stack lines are ignored.
# The check (not bless) normalizes both sides exactly as run_golden.sh does, with
# normalize_output from tests/normalize_output.sh: Logger timestamps, `#PID<...>`,
# `#Reference<...>` and the stack lines of Logger reports change from run to run.
# Bless refuses (and reports as failed) a program that times out, exits with a status other
# than 0 or 1, or exits 1 without a `** (` line.
# A program whose first line is `# ember-differs: <reason>` has hand-reviewed expected files:
# it is skipped and listed (`ok N - area/name # SKIP ember-differs: <reason>`). Bless writes
# starting-point files for it only when it has no .out yet.
#
# Output is TAP ending with the line `N passed, M failed`; exit status 1 on drift or failure.
# Environment: ORACLE_JOBS (parallel jobs, default 2), ORACLE_TIMEOUT (seconds, default 120),
# ELIXIR (the oracle command, default `elixir`), ORACLE_SAMPLE=R/K (check only the tests whose
# position in sorted order is R modulo K: CI checks a quarter of the corpus per run, rotating
# with the day, because elixir's start-up makes the whole corpus take most of CI's budget).
set -u

BLESS=0
if [ "${1:-}" = --bless ]; then BLESS=1; shift; fi
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 [--bless] DIR [FILTER]" >&2; exit 2; }
DIR=$1
FILTER=${2:-}
JOBS=${ORACLE_JOBS:-2}
TIMEOUT=${ORACLE_TIMEOUT:-120}
ELIXIR=${ELIXIR:-elixir}
command -v "$ELIXIR" >/dev/null || { echo "$0: $ELIXIR: command not found (make deps-oracle)" >&2; exit 2; }
[ -d "$DIR" ] || { echo "$0: $DIR: not a directory" >&2; exit 2; }
DIR=$(cd "$DIR" && pwd)
# shellcheck source=normalize_output.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/normalize_output.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/oracle.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

display_name() {
    local rel=${1#"$DIR"/}
    rel=${rel%.exs}
    [[ $rel == */* ]] || rel="$(basename "$DIR")/$rel"
    printf '%s' "$rel"
}

mapfile -t ALL < <(find "$DIR" -name '*.exs' -type f | LC_ALL=C sort)
SAMPLE=${ORACLE_SAMPLE:-0/1}
SAMPLE_R=${SAMPLE%/*}
SAMPLE_K=${SAMPLE#*/}
[[ $SAMPLE_R =~ ^[0-9]+$ && $SAMPLE_K =~ ^[1-9][0-9]*$ ]] || { echo "$0: bad ORACLE_SAMPLE" >&2; exit 2; }
TESTS=()
NAMES=()
position=0
for f in "${ALL[@]}"; do
    name=$(display_name "$f")
    if [ -z "$FILTER" ] || [[ $name == *"$FILTER"* ]]; then
        if (( position++ % SAMPLE_K == SAMPLE_R % SAMPLE_K )); then
            TESTS+=("$f")
            NAMES+=("$name")
        fi
    fi
done
N=${#TESTS[@]}

# Checks or blesses program number $1 (file $2). Writes $WORK/$1.res: a verdict line
# (ok | fail | skip <reason> | blessed) then diagnostics; creates $WORK/$1.done last.
oracle_one() {
    local i=$1 file=$2
    local dir base stem out err rc got_err reason res=$WORK/$i.res
    dir=$(dirname "$file")
    base=$(basename "$file")
    stem=${file%.exs}
    out=$WORK/$i.stdout
    err=$WORK/$i.stderr
    {
        reason=$(head -n 1 "$file" | sed -n 's/^# ember-differs: *//p')
        if [ -n "$reason" ] && { [ "$BLESS" -eq 0 ] || [ -f "$stem.out" ]; }; then
            echo "skip $reason"
        else
            (cd "$dir" && exec timeout -k 5 "$TIMEOUT" "$ELIXIR" "$base" </dev/null >"$out" 2>"$err")
            rc=$?
            got_err=$(grep -m 1 -a '^\*\* (' "$err")
            if [ "$rc" -ne 0 ] && { [ "$rc" -ne 1 ] || [ -z "$got_err" ]; }; then
                echo fail
                echo "#   elixir exit status $rc$([ "$rc" -eq 124 ] && echo ' (timed out)'), expected 0, or 1 with a '** (' line"
                head -n 5 "$err" | sed 's/^/#   stderr| /'
            elif [ "$BLESS" -eq 1 ]; then
                cp "$out" "$stem.out"
                if [ "$rc" -eq 1 ]; then printf '%s\n' "$got_err" >"$stem.err"; else rm -f "$stem.err"; fi
                echo blessed
            else
                local ok=1
                if [ ! -f "$stem.out" ]; then
                    echo "#   missing $(basename "$stem").out"
                    ok=0
                elif ! cmp -s "$stem.out" "$out" &&
                    ! cmp -s <(normalize_output <"$stem.out") <(normalize_output <"$out"); then
                    echo "#   stdout drift after normalization (--- expected file, +++ elixir):"
                    diff -u --label expected --label elixir <(normalize_output <"$stem.out") \
                        <(normalize_output <"$out") | sed -n '3,22s/^/#   /p'
                    ok=0
                fi
                if [ "$rc" -eq 1 ] && [ ! -f "$stem.err" ]; then
                    echo "#   elixir fails with: $got_err (no .err file)"
                    ok=0
                elif [ "$rc" -eq 0 ] && [ -f "$stem.err" ]; then
                    echo "#   elixir succeeds but $(basename "$stem").err exists"
                    ok=0
                elif [ "$rc" -eq 1 ] && [ "$(head -n 1 "$stem.err" | normalize_output)" != \
                    "$(printf '%s\n' "$got_err" | normalize_output)" ]; then
                    echo "#   stderr drift: expected: $(head -n 1 "$stem.err")"
                    echo "#   stderr drift: elixir:   $got_err"
                    ok=0
                fi
                [ "$ok" -eq 1 ] && echo ok || echo fail
            fi
        fi
    } >"$res.tmp"
    { grep -v '^#' "$res.tmp" | head -n 1; grep '^#' "$res.tmp"; } >"$res"
    rm -f "$out" "$err" "$res.tmp"
    : >"$WORK/$i.done"
}
export -f oracle_one normalize_output
export WORK ELIXIR TIMEOUT BLESS

echo "1..$N"
for ((i = 0; i < N; i++)); do printf '%s\0%s\0' "$((i + 1))" "${TESTS[$i]}"; done |
    xargs -0 -n 2 -P "$JOBS" bash -c 'oracle_one "$1" "$2"' _ &
XARGS=$!

passed=0
failed=0
skipped=0
for ((i = 1; i <= N; i++)); do
    while [ ! -e "$WORK/$i.done" ]; do
        kill -0 "$XARGS" 2>/dev/null || [ -e "$WORK/$i.done" ] || break
        sleep 0.05
    done
    name=${NAMES[$((i - 1))]}
    verdict=$( [ -e "$WORK/$i.res" ] && head -n 1 "$WORK/$i.res")
    case $verdict in
        ok) echo "ok $i - $name"; passed=$((passed + 1)) ;;
        blessed) echo "ok $i - $name # blessed"; passed=$((passed + 1)) ;;
        skip*) echo "ok $i - $name # SKIP ember-differs: ${verdict#skip }"; skipped=$((skipped + 1)) ;;
        *)
            echo "not ok $i - $name"
            [ -e "$WORK/$i.res" ] && sed '1d' "$WORK/$i.res"
            failed=$((failed + 1))
            ;;
    esac
done
wait "$XARGS" 2>/dev/null

[ "$skipped" -gt 0 ] && echo "# $skipped skipped (ember-differs, reviewed by hand)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
