#!/usr/bin/env bash
# I/O pool test: a process blocked in IO.gets on stdin must not stop other processes. Runs a
# script with ONE scheduler whose stdin is a fifo; the line is written only after another
# process has printed all its ticks, so a blocking IO.gets would deadlock (and time out).
# stdout is line-buffered (stdbuf) because the test watches it while the program runs.
#
#   tests/io_pool_test.sh EMBER      (EMBER may also be `elixir`, to check the test itself)
#
# Prints TAP; exit status 1 when a case fails.
set -u
[ $# -eq 1 ] || { echo "usage: $0 EMBER" >&2; exit 2; }
EMBER=$1
TIMEOUT=${IO_POOL_TIMEOUT:-20}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/io_pool_test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failed=0
n=0
# stdbuf works by LD_PRELOAD, which ASan refuses unless told not to check the link order.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

# run_case NAME SCRIPT EXPECTED WAIT_FOR INPUT: runs SCRIPT with stdin from a fifo, writes INPUT
# once stdout shows the line WAIT_FOR, then compares stdout with EXPECTED.
run_case() {
    local name=$1 script=$2 expected=$3 wait_for=$4 input=$5
    n=$((n + 1))
    printf '%s\n' "$script" >"$WORK/$name.exs"
    mkfifo "$WORK/$name.in"
    EMBER_SCHEDULERS=1 timeout -k 2 "$TIMEOUT" stdbuf -oL "$EMBER" "$WORK/$name.exs" \
        <"$WORK/$name.in" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    local pid=$!
    exec 3>"$WORK/$name.in"
    local seen=0
    for _ in $(seq $((TIMEOUT * 10))); do
        if grep -qx -- "$wait_for" "$WORK/$name.out"; then seen=1; break; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    [ "$seen" = 1 ] && printf '%s' "$input" >&3
    exec 3>&-
    wait "$pid"
    local rc=$?
    if [ "$seen" = 1 ] && [ "$rc" = 0 ] && [ "$(cat "$WORK/$name.out")" = "$expected" ]; then
        echo "ok $n - $name"
    else
        failed=$((failed + 1))
        echo "not ok $n - $name"
        echo "#   exit status $rc, saw '$wait_for': $seen"
        sed 's/^/#   stdout| /' "$WORK/$name.out"
        head -n 5 "$WORK/$name.err" | sed 's/^/#   stderr| /'
    fi
}

echo "1..3"

run_case gets_does_not_block_ticks '
parent = self()
spawn(fn -> send(parent, {:line, IO.gets("")}) end)
Enum.each(1..5, fn i -> IO.puts("tick #{i}"); Process.sleep(20) end)
receive do
  {:line, line} -> IO.puts("got #{inspect(line)}")
end' 'tick 1
tick 2
tick 3
tick 4
tick 5
got "hello\n"' 'tick 5' $'hello\n'

run_case read_eof_while_main_computes '
parent = self()
spawn(fn -> send(parent, {:all, IO.read(:eof)}) end)
total = Enum.reduce(1..200_000, 0, fn i, acc -> acc + rem(i, 7) end)
IO.puts("computed #{total}")
receive do
  {:all, data} -> IO.puts("read #{byte_size(data)} bytes")
end' 'computed 599997
read 12 bytes' 'computed 599997' $'line1\nline2\n'

run_case file_io_beside_blocked_gets '
parent = self()
spawn(fn -> send(parent, {:line, IO.gets("")}) end)
path = "/tmp/ember_io_pool_test_#{abs(:erlang.unique_integer())}"
:ok = File.write(path, "data")
{:ok, data} = File.read(path)
:ok = File.rm(path)
IO.puts("file #{data}")
receive do
  {:line, line} -> IO.puts("got #{String.trim(line)}")
end' 'file data
got last' 'file data' $'last\n'

echo "$((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
