#!/usr/bin/env bash
# Stress and fairness driver for processes and schedulers (see tests/stress/README.md).
#
#   tests/stress/run.sh EMBER [SCALE]
#
# EMBER   the implementation: a path to an ember binary, or `elixir` (the oracle; with it this
#         script must pass 100%, which checks the programs and the expected lines).
# SCALE   positive integer dividing the sizes (default: $STRESS_SCALE, else 1); e.g. 10 for a
#         ThreadSanitizer build. Passed to the programs as the environment variable STRESS_SCALE.
#
# Every program runs under 1, 2 and 4 schedulers (`EMBER --schedulers N prog.exs`, for elixir
# `elixir --erl "+P 2000000 +S N:N" prog.exs`), except fairness.exs, which runs under one
# scheduler only. The last line of stdout must equal the expected line, computed here from
# SCALE; the exit status must be 0; stderr must hold no sanitizer report.
#
# Environment:
#   STRESS_TIMEOUT     seconds per run (default 300)
#   FAIRNESS_TIMEOUT   seconds for fairness.exs (default 10: without preemption it never ends)
#   STRESS_SCHEDULERS  scheduler counts to use (default "1 2 4")
#   STRESS_ONLY        run only programs whose name contains this substring
#
# Output is TAP-like: `ok N - prog schedulers=K (T s)` or `not ok N - ...` followed by `#`
# diagnostics; the last line is `N passed, M failed`. Exit status 1 if anything failed, 2 on
# usage errors.
set -u

usage() { echo "usage: $0 EMBER [SCALE]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
EMBER=$1
SCALE=${2:-${STRESS_SCALE:-1}}
[[ $SCALE =~ ^[1-9][0-9]*$ ]] || { echo "$0: SCALE must be a positive integer: $SCALE" >&2; exit 2; }
TIMEOUT=${STRESS_TIMEOUT:-300}
FAIR_TIMEOUT=${FAIRNESS_TIMEOUT:-10}
SCHEDS=${STRESS_SCHEDULERS:-1 2 4}
ONLY=${STRESS_ONLY:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ $EMBER == */* ]]; then
    [ -x "$EMBER" ] || { echo "$0: $EMBER: not found" >&2; exit 2; }
    EMBER="$(cd "$(dirname "$EMBER")" && pwd)/$(basename "$EMBER")"
else
    command -v "$EMBER" >/dev/null || { echo "$0: $EMBER: command not found" >&2; exit 2; }
fi
TIMECMD=""
[ -x /usr/bin/time ] && TIMECMD="/usr/bin/time -q -f %U_%S -o WORKCPU"
IS_ELIXIR=0
[ "$(basename "$EMBER")" = elixir ] && IS_ELIXIR=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stress.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
TIMECMD=${TIMECMD/WORKCPU/$WORK/cpu}

# Expected last line of each program at this scale (closed forms; bash arithmetic is 64-bit).
expected() {
    local n m tri laps
    case $1 in
        spawn_million)
            n=$((1000000 / SCALE))
            echo "ok spawn n=$n sum=$((n * (n + 1) * (2 * n + 1) / 6))" ;;
        many_senders)
            m=$((100000 / SCALE)); tri=$((m * (m + 1) / 2))
            echo "ok senders senders=100 msgs=$((100 * m)) sum=$((100 * tri)) wsum=$((5050 * tri))" ;;
        ring)
            laps=$((1000 / SCALE)); [ $laps -ge 1 ] || laps=1
            echo "ok ring procs=10000 hops=$((10000 * laps))" ;;
        churn) echo "ok churn workers=8" ;;
        fairness) echo "fairness ok" ;;
        *) echo "?" ;;
    esac
}

PASS=0
FAIL=0
I=0

# run_one PROG SCHEDULERS TIMEOUT
run_one() {
    local prog=$1 k=$2 limit=$3 rc t0 t1 secs want got
    local out=$WORK/out err=$WORK/err
    I=$((I + 1))
    want=$(expected "$prog")
    local cmd
    if [ $IS_ELIXIR = 1 ]; then
        cmd=("$EMBER" --erl "+P 2000000 +S $k:$k" "$prog.exs")
    else
        cmd=("$EMBER" --schedulers "$k" "$prog.exs")
    fi
    rm -f "$WORK/cpu"
    t0=$(date +%s.%N)
    (cd "$HERE" && export STRESS_SCALE=$SCALE EMBER_SCHEDULERS=$k &&
        $TIMECMD timeout -k 5 "$limit" "${cmd[@]}" </dev/null >"$out" 2>"$err")
    rc=$?
    t1=$(date +%s.%N)
    # wall and CPU (user + sys) seconds: on a loaded machine wall time says little
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    [ -s "$WORK/cpu" ] && secs="$secs s wall, $(tail -n 1 "$WORK/cpu" | awk -F_ '{ printf "%.1f", $1 + $2 }') s cpu"
    got=$(tail -n 1 "$out")
    local why=""
    if [ $rc = 124 ] || [ $rc = 137 ]; then
        why="timed out after ${limit} s"
    elif [ $rc != 0 ]; then
        why="exit status $rc"
    elif [ "$got" != "$want" ]; then
        why="wrong last line"
    elif grep -q -e 'WARNING: ThreadSanitizer' -e 'ERROR: AddressSanitizer' \
                 -e 'runtime error:' -e 'ERROR: LeakSanitizer' "$err"; then
        why="sanitizer report on stderr"
    fi
    if [ -z "$why" ]; then
        PASS=$((PASS + 1))
        echo "ok $I - $prog schedulers=$k (${secs})"
    else
        FAIL=$((FAIL + 1))
        echo "not ok $I - $prog schedulers=$k (${secs})"
        echo "#   $why"
        echo "#   expected: $want"
        echo "#   got:      $got"
        if [ -s "$out" ]; then
            echo "#   stdout (last 5 lines):"
            tail -n 5 "$out" | sed 's/^/#     /'
        fi
        if [ -s "$err" ]; then
            if grep -q 'SUMMARY: ThreadSanitizer' "$err"; then
                echo "#   ThreadSanitizer: $(grep -c 'WARNING: ThreadSanitizer' "$err") report(s); first:"
                grep -m 1 'SUMMARY: ThreadSanitizer' "$err" | sed 's/^/#     /'
                awk '/WARNING: ThreadSanitizer/ { p = 1 } p { print; if (++n >= 25) exit }' "$err" \
                    | sed 's/^/#     /'
            else
                echo "#   stderr (first 10 lines):"
                head -n 10 "$err" | sed 's/^/#     /'
            fi
        fi
    fi
}

for prog in spawn_million many_senders ring churn fairness; do
    [ -z "$ONLY" ] || [[ $prog == *"$ONLY"* ]] || continue
    if [ $prog = fairness ]; then
        run_one $prog 1 "$FAIR_TIMEOUT"
    else
        for k in $SCHEDS; do
            run_one $prog "$k" "$TIMEOUT"
        done
    fi
done

echo "$PASS passed, $FAIL failed"
[ $FAIL = 0 ]
