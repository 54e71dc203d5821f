#!/usr/bin/env bash
# End-to-end tests of Ember's interactive shell (`ember` with no arguments). Two parts:
#   - every tests/repl/*.pty script runs under pty_drive against `EMBER`, on a fresh 80x24
#     terminal, with a fresh HOME (so history files never leak between scripts or from the
#     user) and EMBER_REPL_FILES, a fresh directory holding a copy of tests/repl/fixtures/;
#   - every tests/repl/pipe/NAME.in is piped into `EMBER` with no terminal (see below).
#
#   tests/repl/run.sh EMBER PTY_DRIVE [FILTER]     (FILTER: substring of the test names to run)
#
# REPL_TIMEOUT (seconds, default 5) is the driver's deadline for each expect; REPL_JOB_TIMEOUT
# (default 120) bounds a whole script or pipe case. Prints TAP; exit status 1 when a case fails.
#
# Pipe cases: NAME.out is the expected stdout, byte for byte, after removing error blocks (a
# line starting with `** (` and the indented lines right after it). Without NAME.err the exit
# status must be 0 and no error block may appear; with NAME.err, its one line must start a line
# of stdout or stderr, and any exit status below 124 is accepted (no crash, no timeout).
set -u
[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 EMBER PTY_DRIVE [FILTER]" >&2; exit 2; }
EMBER=$1
DRIVE=$2
FILTER=${3:-}
DIR=$(cd "$(dirname "$0")" && pwd)
STEP_TIMEOUT=${REPL_TIMEOUT:-5}
JOB_TIMEOUT=${REPL_JOB_TIMEOUT:-120}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ember_repl_test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export TERM=xterm # the same terminal type wherever the tests run (CI often has none or dumb)
failed=0
n=0

report() { # report NAME WHY LOG: one TAP line, and the log as comments when WHY is not empty
    local name=$1 why=$2 log=$3
    n=$((n + 1))
    if [ -z "$why" ]; then
        echo "ok $n - $name"
        return
    fi
    failed=$((failed + 1))
    echo "not ok $n - $name"
    echo "#   $why"
    [ -s "$log" ] && sed 's/^/#   /' "$log" | head -n "${REPL_LOG_LINES:-200}"
}

# ==== Terminal scripts ====

run_pty() { # run_pty SCRIPT
    local script=$1 name
    name=$(basename "$script" .pty)
    local case_dir="$WORK/$name"
    mkdir -p "$case_dir/home" "$case_dir/files"
    cp -R "$DIR/fixtures/." "$case_dir/files/"
    HOME="$case_dir/home" EMBER_REPL_FILES="$case_dir/files" \
        timeout -k 2 "$JOB_TIMEOUT" "$DRIVE" -t "$STEP_TIMEOUT" "$script" -- "$EMBER" \
        >"$case_dir/log" 2>&1
    local rc=$? why=""
    [ "$rc" = 0 ] || why="pty_drive exit status $rc"
    [ "$rc" = 124 ] && why="pty_drive itself timed out after $JOB_TIMEOUT s (a driver bug)"
    report "$name" "$why" "$case_dir/log"
}

# ==== Piped input (no terminal) ====

strip_error_blocks() { # stdin → stdout without `** (` lines and the indented lines after them
    awk '/^\*\* \(/ { in_error = 1; next } in_error && /^    / { next } { in_error = 0; print }'
}

run_pipe() { # run_pipe INPUT_FILE
    local input=$1 name base
    base=${input%.in}
    name="pipe/$(basename "$base")"
    local out="$WORK/pipe_$(basename "$base")"
    mkdir -p "$out/home"
    HOME="$out/home" timeout -k 2 "$JOB_TIMEOUT" "$EMBER" <"$input" >"$out/stdout" 2>"$out/stderr"
    local rc=$? why=""
    strip_error_blocks <"$out/stdout" >"$out/stdout.clean"
    if [ -f "$base.err" ]; then
        [ "$rc" -lt 124 ] || why="exit status $rc (crash or timeout)"
        cat "$out/stdout" "$out/stderr" |
            WANT=$(cat "$base.err") awk 'index($0, ENVIRON["WANT"]) == 1 { found = 1 }
                                        END { exit !found }' ||
            why="$why; no line starting with: $(cat "$base.err")"
    else
        [ "$rc" = 0 ] || why="exit status $rc, expected 0"
        grep -q '^\*\* (' "$out/stdout" "$out/stderr" && why="$why; unexpected error"
    fi
    cmp -s "$base.out" "$out/stdout.clean" || why="$why; stdout differs"
    why=${why#; }
    {
        echo "--- input"
        cat "$input"
        echo "--- expected stdout"
        cat "$base.out"
        echo "--- stdout"
        cat "$out/stdout"
        echo "--- stderr"
        cat "$out/stderr"
    } >"$out/log"
    report "$name" "$why" "$out/log"
}

for script in "$DIR"/*.pty; do
    case $(basename "$script" .pty) in *"$FILTER"*) run_pty "$script" ;; esac
done
for input in "$DIR"/pipe/*.in; do
    case "pipe/$(basename "$input" .in)" in *"$FILTER"*) run_pipe "$input" ;; esac
done
echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
