#!/usr/bin/env bash
# Self-test of pty_drive against programs other than Ember: cat (cooked terminal), an
# interactive bash (readline, job control) and toy_shell (raw mode, ANSI escapes in its output).
# The fail_* scripts must fail, quickly, with a given message on stderr; every case has a time
# bound, so a driver that hangs fails here instead of hanging the build.
#
#   tests/repl/selftest.sh PTY_DRIVE TOY_SHELL
#
# Prints TAP; exit status 1 when a case fails.
set -u
[ $# -eq 2 ] || { echo "usage: $0 PTY_DRIVE TOY_SHELL" >&2; exit 2; }
DRIVE=$1
TOY=$2
DIR=$(cd "$(dirname "$0")/selftest" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pty_selftest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK SELFTEST_WORD=pty TERM=xterm
failed=0
n=0

# run_case NAME RC MAX_SECONDS STDERR_TEXT CMD...: runs selftest/NAME.pty against CMD; passes
# when pty_drive exits with RC within MAX_SECONDS and its stderr contains STDERR_TEXT (- for none).
run_case() {
    local name=$1 want_rc=$2 max_s=$3 want_err=$4
    shift 4
    n=$((n + 1))
    local start end rc elapsed_ms why=""
    start=$(date +%s%N)
    timeout -k 2 30 "$DRIVE" "$DIR/$name.pty" -- "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    end=$(date +%s%N)
    elapsed_ms=$(((end - start) / 1000000))
    [ "$rc" = "$want_rc" ] || why="exit status $rc, expected $want_rc"
    [ "$elapsed_ms" -le $((max_s * 1000)) ] || why="$why took ${elapsed_ms} ms, limit ${max_s} s"
    if [ "$want_err" != - ] && ! grep -qF -- "$want_err" "$WORK/err"; then
        why="$why stderr lacks '$want_err'"
    fi
    if [ -z "$why" ]; then
        echo "ok $n - $name (${elapsed_ms} ms)"
    else
        failed=$((failed + 1))
        echo "not ok $n - $name"
        echo "#   $why"
        sed 's/^/#   stderr| /' "$WORK/err" | head -n 40
    fi
}

echo "1..13"
run_case toy_session 0 5 - "$TOY"
run_case cat_echo 0 5 - cat
run_case bash_interactive 0 10 - bash --norc --noprofile -i
run_case stubborn_child 0 4 - bash -c 'trap "" HUP; sleep 100'
run_case fail_timeout 1 4 'fail_timeout.pty:4: failed: expect never printed' cat
run_case fail_exit_status 1 4 'expected exit status 0, but the child exited with status 4' "$TOY"
run_case fail_closed 1 3 'the terminal closed before the text appeared' "$TOY"
run_case fail_not_expect 1 3 'must not within 500 ms' "$TOY"
run_case fail_signal 1 3 'killed by signal 11' bash -c 'kill -SEGV $$'
run_case fail_no_exit 1 3 'timed out after 1000 ms waiting for the child to exit' sleep 100
run_case fail_unknown_command 1 2 'unknown command "frobnicate"' cat
run_case fail_bad_escape 1 2 'unknown escape \q' cat

# The transcript must show what the child printed, escaped: the echo and cat's copy of "abc".
n=$((n + 1))
timeout -k 2 30 "$DRIVE" "$DIR/fail_timeout.pty" -- cat 2>"$WORK/err" >/dev/null
if grep -qF '  | abc\r\n' "$WORK/err"; then
    echo "ok $n - transcript_is_escaped"
else
    failed=$((failed + 1))
    echo "not ok $n - transcript_is_escaped"
    sed 's/^/#   stderr| /' "$WORK/err" | head -n 20
fi

echo "$((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
