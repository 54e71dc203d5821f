#!/usr/bin/env bash
# Ember benchmark suite: times ember against real Elixir, Erlang (escript, JIT), Lua 5.4 and
# CPython on the same programs, checks that every implementation prints the expected output,
# and prints median wall time, ember/other ratios, peak RSS, ns per call for fib, and the
# start-up (hello world) time.
#
#   bash bench/run.sh [EMBER]            (default build/release/ember; `make bench` runs this)
#
# Environment:
#   BENCH_RUNS=3         timed runs per implementation and benchmark (the median is reported)
#   BENCH_HELLO_RUNS=20  runs of the start-up benchmark
#   BENCH_SLOW_SECS=10   a run slower than this is not repeated (keeps `make bench` short)
#   BENCH_SKIP_SLOW=0    1: skip python (the slowest implementation) entirely
#   BENCH_TIMEOUT=120    seconds before one run is killed (counts as a failure)
#   BENCH_ONLY="fib binary_trees loop binparse spawn ring mailbox parallel fairness regex"
#                        which benchmarks to run (besides hello), space- or comma-separated;
#                        "seq" = fib binary_trees loop binparse, "proc" = the process
#                        benchmarks; an implementation without a twin file is skipped;
#                        "parallel" = parallel:s1 parallel:s2; NAME:sN = NAME on N schedulers
#   BENCH_SCHEDULERS=1   schedulers for the process benchmarks without :sN (ember --schedulers N,
#                        elixir --erl "+S N +P 2000000", ERL_FLAGS="+S N +P 2000000" escript)
#   BENCH_IMPLS="ember elixir erl lua python"   which implementations to run
#   BENCH_VERBOSE=0      1: print every single run
#
# A failing ember (missing binary, crash, time-out, wrong output) is reported as n/a and the
# suite goes on. For the other implementations a failure is FAIL and a wrong output is
# flagged with '!' next to its time and listed as a MISMATCH; the script then exits 1.
# Uses only bash and standard tools (date, sort, awk, cmp, timeout, /usr/bin/time).
set -u
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EMBER=${1:-$ROOT/build/release/ember}
case "$EMBER" in /*) ;; *) EMBER="$PWD/$EMBER" ;; esac   # relative to the caller's directory
cd "$ROOT" || exit 2
BENCH=bench
EXPECTED=$BENCH/expected

RUNS=${BENCH_RUNS:-3}
HELLO_RUNS=${BENCH_HELLO_RUNS:-20}
SLOW_SECS=${BENCH_SLOW_SECS:-10}
SKIP_SLOW=${BENCH_SKIP_SLOW:-0}
TIMEOUT=${BENCH_TIMEOUT:-120}
SEQ_BENCHES="fib binary_trees loop binparse"
PROC_BENCHES="spawn ring mailbox parallel fairness regex"   # no lua/python twins
SCHEDULERS=${BENCH_SCHEDULERS:-1}
ONLY=
for b in $(echo "${BENCH_ONLY:-seq proc}" | tr ',' ' '); do
  case $b in
    seq) ONLY+=" $SEQ_BENCHES" ;;
    proc) ONLY+=" $PROC_BENCHES" ;;
    *) ONLY+=" $b" ;;
  esac
done
ONLY=$(for b in $ONLY; do [ "$b" = parallel ] && echo parallel:s1 parallel:s2 || echo "$b"; done | tr '\n' ' ')
IMPLS=${BENCH_IMPLS:-ember elixir erl lua python}
VERBOSE=${BENCH_VERBOSE:-0}

# fib(37) makes C(37) calls where C(n) = 1 + C(n-1) + C(n-2), C(0) = C(1) = 1,
# i.e. C(n) = 2*F(n+1) - 1 = 2*39088169 - 1.
FIB_CALLS=78176337
LOOP_ITERS=100000000
SPAWN_N=1000000   # bench/spawn.exs's default process count

# ---------------------------------------------------------------- tools
if [ ! -x /usr/bin/time ]; then bash tools/deps.sh time || true; fi
if ! command -v lua5.4 >/dev/null 2>&1; then bash tools/deps.sh lua5.4 || true; fi
HAVE_TIME=0; [ -x /usr/bin/time ] && HAVE_TIME=1
[ $HAVE_TIME = 1 ] || echo "bench: /usr/bin/time missing (bash tools/deps.sh time): no RSS figures" >&2

# The real python interpreter, not a pyenv/asdf shim script (a shim adds ~30 ms of bash).
PYTHON=
if command -v python3 >/dev/null 2>&1; then
  PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
  [ -x "$PYTHON" ] || PYTHON=$(command -v python3)
fi

# bench_base NAME: the program of a benchmark name ("parallel:s2" -> parallel)
bench_base() { echo "${1%%:*}"; }
# bench_scheds NAME: the scheduler count for a process benchmark ("parallel:s2" -> 2,
# "ring" -> BENCH_SCHEDULERS), empty for the sequential ones (run without any flag).
bench_scheds() {
  case $1 in
    *:s[0-9]*) echo "${1##*:s}" ;;
    *) case " $PROC_BENCHES " in *" $1 "*) echo "$SCHEDULERS" ;; esac ;;
  esac
}

# impl_cmd IMPL BENCHNAME: sets CMD (array) or returns 1 when the implementation is absent.
# BENCH_ARGS (array, usually empty) is appended: the script's command-line arguments.
BENCH_ARGS=()
impl_cmd() {
  local impl=$1 b p s
  p=$(bench_base "$2"); s=$(bench_scheds "$2")
  case $impl in  # no twin of this benchmark in that language: skipped
    ember|elixir) [ -f "$BENCH/$p.exs" ] || return 1 ;;
    erl) [ -f "$BENCH/$p.erl" ] || return 1 ;;
    lua) [ -f "$BENCH/$p.lua" ] || return 1 ;;
    python) [ -f "$BENCH/$p.py" ] || return 1 ;;
  esac
  if [ -z "$s" ]; then
    case $impl in
      ember)  [ -x "$EMBER" ] || return 1; CMD=("$EMBER" "$BENCH/$p.exs") ;;
      elixir) command -v elixir >/dev/null 2>&1 || return 1; CMD=(elixir "$BENCH/$p.exs") ;;
      erl)    command -v escript >/dev/null 2>&1 || return 1; CMD=(escript "$BENCH/$p.erl") ;;
      lua)    command -v lua5.4 >/dev/null 2>&1 || return 1; CMD=(lua5.4 "$BENCH/$p.lua") ;;
      python) [ -n "$PYTHON" ] && [ "$SKIP_SLOW" != 1 ] || return 1; CMD=("$PYTHON" "$BENCH/$p.py") ;;
      *) return 1 ;;
    esac
  else
    # Same scheduler count everywhere; +P: spawn keeps 1M processes alive, more than the
    # BEAM's default limit of 262,144. (escript has no option for emulator flags other than
    # a %%! line in the file; ERL_FLAGS is read by the erl it starts.)
    case $impl in
      ember)  [ -x "$EMBER" ] || return 1; CMD=("$EMBER" --schedulers "$s" "$BENCH/$p.exs") ;;
      elixir) command -v elixir >/dev/null 2>&1 || return 1; CMD=(elixir --erl "+S $s +P 2000000" "$BENCH/$p.exs") ;;
      erl)    command -v escript >/dev/null 2>&1 && [ -f "$BENCH/$p.erl" ] || return 1
              CMD=(env "ERL_FLAGS=+S $s +P 2000000" escript "$BENCH/$p.erl") ;;
      *) return 1 ;;   # no process twins in Lua or Python
    esac
  fi
  CMD+=(${BENCH_ARGS[@]+"${BENCH_ARGS[@]}"})
}

now() {  # wall clock, seconds with ns/us resolution
  if [ -n "${EPOCHREALTIME:-}" ]; then echo "$EPOCHREALTIME"; else date +%s.%N; fi
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ember-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Results: associative arrays keyed "bench/impl"; MEAS is keyed "bench/impl/key" and holds the
# values of the program's own "# key value" lines, one per run, separated by spaces.
declare -A WALL WMIN CPU RSS STATUS NRUNS MEAS

# run_one BENCH IMPL: one timed run of CMD; sets R_WALL R_CPU R_RSS R_STATUS (ok|fail(rc=N)|timeout|mismatch)
# and R_MEAS ("key value" lines). Output lines starting with "# " are the program's own
# timings: they are left out of the comparison with the expected output.
run_one() {
  local b=$1 impl=$2 out=$TMP/out err=$TMP/err rssf=$TMP/rss rc s e
  rm -f "$rssf"
  s=$(now)
  if [ $HAVE_TIME = 1 ]; then
    timeout -k 5 "$TIMEOUT" /usr/bin/time -f '%M %U %S' -o "$rssf" "${CMD[@]}" >"$out" 2>"$err" </dev/null
  else
    timeout -k 5 "$TIMEOUT" "${CMD[@]}" >"$out" 2>"$err" </dev/null
  fi
  rc=$?
  e=$(now)
  R_WALL=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f", e - s }')
  R_RSS='' R_CPU=''
  if [ -s "$rssf" ]; then
    R_RSS=$(tail -n 1 "$rssf" | awk '$1 ~ /^[0-9]+$/ { print $1 }')
    R_CPU=$(tail -n 1 "$rssf" | awk '$1 ~ /^[0-9]+$/ { printf "%.2f", $2 + $3 }')
  fi
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    R_STATUS=timeout
  elif [ $rc -ne 0 ]; then
    R_STATUS="fail(rc=$rc)"
  fi
  grep -v '^# ' "$out" > "$out.cmp"
  R_MEAS=$(grep '^# ' "$out" | awk 'NF == 3 && $3 ~ /^-?[0-9.]+$/ { print $2, $3 }')
  if [ $rc -ne 0 ]; then
    :
  elif ! cmp -s "$out.cmp" "${R_EXPECT:-$EXPECTED/$(bench_base "$b").out}"; then
    R_STATUS=mismatch
    cp "$out.cmp" "$TMP/$b.$impl.got"
  else
    R_STATUS=ok
  fi
  if [ "$R_STATUS" != ok ] && [ "$R_STATUS" != mismatch ]; then
    cp "$err" "$TMP/$b.$impl.err"
  fi
  [ "$VERBOSE" = 1 ] && printf '  %-13s %-7s %8ss %8s KB  %s\n' "$b" "$impl" "$R_WALL" "${R_RSS:-?}" "$R_STATUS" >&2
  return 0
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench_all BENCH NRUNS: NRUNS timed runs of every implementation, round-robin (run 1 of each,
# then run 2 of each, ...) so that a change in machine load hits all of them alike. An
# implementation stops after a failure, or after a run slower than SLOW_SECS.
bench_all() {
  local b=$1 n=$2 r impl key active=() done_
  declare -A walls=() cpus=() rss=() stat=() stop=()
  for impl in $IMPLS; do
    key="$b/$impl"
    if impl_cmd "$impl" "$b"; then active+=("$impl"); stat[$impl]=ok; rss[$impl]=0
    else STATUS[$key]=absent; fi
  done
  for ((r = 1; r <= n; r++)); do
    done_=1
    for impl in "${active[@]}"; do
      [ -n "${stop[$impl]:-}" ] && continue
      done_=0
      impl_cmd "$impl" "$b"
      run_one "$b" "$impl"
      if [ "$R_STATUS" != ok ] && [ "$R_STATUS" != mismatch ]; then
        stat[$impl]=$R_STATUS; stop[$impl]=1; continue
      fi
      [ "$R_STATUS" = mismatch ] && stat[$impl]=mismatch
      walls[$impl]+="$R_WALL "
      while read -r mk mv; do [ -n "$mk" ] && MEAS[$b/$impl/$mk]+="$mv "; done <<< "$R_MEAS"
      [ -n "$R_CPU" ] && cpus[$impl]+="$R_CPU "
      [ -n "$R_RSS" ] && [ "$R_RSS" -gt "${rss[$impl]}" ] && rss[$impl]=$R_RSS
      awk -v w="$R_WALL" -v l="$SLOW_SECS" 'BEGIN { exit !(w > l) }' && stop[$impl]=1
    done
    [ $done_ = 1 ] && break
  done
  for impl in "${active[@]}"; do
    key="$b/$impl"
    STATUS[$key]=${stat[$impl]}
    NRUNS[$key]=$(echo ${walls[$impl]:-} | wc -w)
    if [ -n "${walls[$impl]:-}" ]; then
      WALL[$key]=$(printf '%s\n' ${walls[$impl]} | median)
      WMIN[$key]=$(printf '%s\n' ${walls[$impl]} | sort -g | head -n 1)
    fi
    [ -n "${cpus[$impl]:-}" ] && CPU[$key]=$(printf '%s\n' ${cpus[$impl]} | median)
    [ "${rss[$impl]}" -gt 0 ] && RSS[$key]=${rss[$impl]}
    printf '  %-13s %-7s %-9s %s run(s)  median %ss  cpu %ss\n' "$b" "$impl" "${stat[$impl]}" \
      "${NRUNS[$key]}" "${WALL[$key]:-?}" "${CPU[$key]:-?}" >&2
  done
}

# cell KEY: the time column text
cell_time() {
  local k=$1 st=${STATUS[$1]:-absent}
  case $st in
    ok) awk -v w="${WALL[$k]}" -v n="${NRUNS[$k]}" -v r="$2" 'BEGIN { printf "%.3fs%s", w, (n < r ? "*" : "") }' ;;
    mismatch) if [[ $k == */ember ]]; then printf 'n/a'; else awk -v w="${WALL[$k]}" 'BEGIN { printf "%.3fs!", w }'; fi ;;
    absent) if [[ $k == */ember ]]; then printf 'n/a'; else printf -- '-'; fi ;;
    *) if [[ $k == */ember ]]; then printf 'n/a'; else printf 'FAIL'; fi ;;
  esac
}
usable() { [ "${STATUS[$1]:-absent}" = ok ] && [ -n "${WALL[$1]:-}" ]; }

# spawn_baseline BENCH: runs the spawn benchmark again with N = 0 (same command and flags:
# start-up only) for every implementation whose N = 1,000,000 runs were fine; the difference
# in peak RSS divided by N is the memory per live process.
declare -A RSS0 WALL0
spawn_baseline() {
  local b=$1 impl r walls rss
  printf '0 processes, checksum 0\n' > "$TMP/spawn0.out"
  for impl in $IMPLS; do
    usable "$b/$impl" || continue
    walls='' rss=0
    BENCH_ARGS=(0); R_EXPECT=$TMP/spawn0.out
    for ((r = 1; r <= RUNS; r++)); do
      impl_cmd "$impl" "$b" || break
      run_one "$b(N=0)" "$impl"
      if [ "$R_STATUS" != ok ]; then walls=''; break; fi
      walls+="$R_WALL "
      [ -n "$R_RSS" ] && [ "$R_RSS" -gt "$rss" ] && rss=$R_RSS
    done
    BENCH_ARGS=(); R_EXPECT=
    if [ -n "$walls" ]; then
      WALL0[$b/$impl]=$(printf '%s\n' $walls | median)
      [ "$rss" -gt 0 ] && RSS0[$b/$impl]=$rss
    fi
    printf '  %-13s %-7s N=0: median %ss  peak RSS %s KB\n' "$b" "$impl" "${WALL0[$b/$impl]:-?}" "${RSS0[$b/$impl]:-?}" >&2
  done
}

# ---------------------------------------------------------------- header
echo "== Ember benchmarks  $(date -u '+%Y-%m-%d %H:%M UTC')  $(nproc) cores  $(uname -m)"
echo "   ember:  $EMBER$([ -x "$EMBER" ] || echo '  (not built: n/a)')"
command -v elixir >/dev/null 2>&1 && echo "   elixir: $(elixir --version 2>/dev/null | grep -m1 '^Elixir') / OTP $(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().' 2>/dev/null) ($(erl -noshell -eval 'io:put_chars(atom_to_list(erlang:system_info(emu_flavor))), halt().' 2>/dev/null))"
command -v lua5.4 >/dev/null 2>&1 && echo "   lua:    $(lua5.4 -v 2>&1 | awk '{ print $1, $2 }')"
[ -n "$PYTHON" ] && echo "   python: $("$PYTHON" --version 2>&1) ($PYTHON)$([ "$SKIP_SLOW" = 1 ] && echo '  skipped: BENCH_SKIP_SLOW=1')"
echo "   load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (timings are only meaningful on an otherwise idle machine)"
echo "   runs: $RUNS per benchmark (median; '*' = fewer runs because one took > ${SLOW_SECS}s), hello: $HELLO_RUNS"
for b in $ONLY; do
  if [ -n "$(bench_scheds "$b")" ]; then
    echo "   process benchmarks: same scheduler count N for all: ember --schedulers N, elixir --erl \"+S N +P 2000000\", ERL_FLAGS=\"+S N +P 2000000\" escript; N = $SCHEDULERS unless NAME:sN"
    break
  fi
done

# ---------------------------------------------------------------- harness overhead
# Every run goes through `timeout` and `/usr/bin/time` (two extra fork+execs, a few ms on a
# loaded machine). That is noise for the throughput benchmarks but not for start-up, so it is
# measured by running /bin/true the same way, and subtracted in the start-up table.
HARNESS=0
if TRUE_BIN=$(type -P true) && [ -x "$TRUE_BIN" ]; then
  : > "$TMP/empty"
  CMD=("$TRUE_BIN"); R_EXPECT=$TMP/empty; hwalls=()
  for ((i = 0; i < HELLO_RUNS; i++)); do run_one harness true; hwalls+=("$R_WALL"); done
  R_EXPECT=
  HARNESS=$(printf '%s\n' "${hwalls[@]}" | sort -g | head -n 1)
fi
echo "   harness overhead (timeout + /usr/bin/time running $TRUE_BIN): $(awk -v h="$HARNESS" 'BEGIN { printf "%.1f ms", h * 1000 }') (min of $HELLO_RUNS)"
echo

# ---------------------------------------------------------------- start-up
echo "-- running hello (start-up) x$HELLO_RUNS" >&2
bench_all hello "$HELLO_RUNS"
# ---------------------------------------------------------------- throughput
for b in $ONLY; do
  echo "-- running $b x$RUNS$([ -n "$(bench_scheds "$b")" ] && echo " (schedulers: $(bench_scheds "$b"))")" >&2
  bench_all "$b" "$RUNS"
  if [ "$(bench_base "$b")" = spawn ]; then
    echo "-- running $b with N = 0 x$RUNS (memory baseline)" >&2
    spawn_baseline "$b"
  fi
done
echo >&2

# ---------------------------------------------------------------- report
others=()
for impl in $IMPLS; do [ "$impl" != ember ] && others+=("$impl"); done

echo "== start-up: hello world, median of $HELLO_RUNS runs"
printf '%-18s' ''; for impl in $IMPLS; do printf '%11s' "$impl"; done; echo
printf '%-18s' 'wall ms'
for impl in $IMPLS; do
  if usable "hello/$impl"; then printf '%11s' "$(awk -v w="${WALL[hello/$impl]}" 'BEGIN { printf "%.1f", w * 1000 }')"
  else printf '%11s' "$(cell_time "hello/$impl" "$HELLO_RUNS")"; fi
done
echo
printf '%-18s' 'min ms'
for impl in $IMPLS; do
  if usable "hello/$impl"; then printf '%11s' "$(awk -v w="${WMIN[hello/$impl]}" 'BEGIN { printf "%.1f", w * 1000 }')"
  else printf '%11s' n/a; fi
done
echo
printf '%-18s' 'min - harness ms'
for impl in $IMPLS; do
  if usable "hello/$impl"; then printf '%11s' "$(awk -v w="${WMIN[hello/$impl]}" -v h="$HARNESS" 'BEGIN { printf "%.1f", (w - h) * 1000 }')"
  else printf '%11s' n/a; fi
done
echo
if [ $HAVE_TIME = 1 ]; then
  printf '%-18s' 'peak RSS MiB'
  for impl in $IMPLS; do
    if [ -n "${RSS[hello/$impl]:-}" ] && { usable "hello/$impl" || [ "$impl" != ember ]; }; then
      printf '%11s' "$(awk -v r="${RSS[hello/$impl]}" 'BEGIN { printf "%.1f", r / 1024 }')"
    else printf '%11s' n/a; fi
  done
  echo
fi
echo

echo "== median wall time (seconds, whole process incl. start-up)"
printf '%-14s' benchmark; for impl in $IMPLS; do printf '%11s' "$impl"; done; echo
for b in hello $ONLY; do
  printf '%-14s' "$b"
  for impl in $IMPLS; do
    n=$RUNS; [ "$b" = hello ] && n=$HELLO_RUNS
    printf '%11s' "$(cell_time "$b/$impl" "$n")"
  done
  echo
done
echo

echo "== ember / other (wall-time ratio; < 1 means ember is faster)"
printf '%-14s' benchmark; for o in "${others[@]}"; do printf '%14s' "ember/$o"; done; echo
for b in hello $ONLY; do
  printf '%-14s' "$b"
  for o in "${others[@]}"; do
    if usable "$b/ember" && usable "$b/$o"; then
      printf '%14s' "$(awk -v a="${WALL[$b/ember]}" -v c="${WALL[$b/$o]}" 'BEGIN { printf "%.2f", a / c }')"
    else printf '%14s' n/a; fi
  done
  echo
done
echo

if [ $HAVE_TIME = 1 ]; then
  echo "== median CPU time (user + sys seconds, all threads; less sensitive to a busy machine than wall)"
  printf '%-14s' benchmark; for impl in $IMPLS; do printf '%11s' "$impl"; done; echo
  for b in hello $ONLY; do
    printf '%-14s' "$b"
    for impl in $IMPLS; do
      k="$b/$impl"
      if [ -n "${CPU[$k]:-}" ] && { usable "$k" || [ "$impl" != ember ]; }; then printf '%11s' "$(awk -v c="${CPU[$k]}" 'BEGIN { printf "%.2fs", c }')"
      else printf '%11s' n/a; fi
    done
    echo
  done
  echo

  echo "== ember / other (CPU-time ratio)"
  printf '%-14s' benchmark; for o in "${others[@]}"; do printf '%14s' "ember/$o"; done; echo
  for b in $ONLY; do
    printf '%-14s' "$b"
    for o in "${others[@]}"; do
      if usable "$b/ember" && usable "$b/$o" && [ -n "${CPU[$b/ember]:-}" ] && [ -n "${CPU[$b/$o]:-}" ] &&
         awk -v c="${CPU[$b/$o]}" 'BEGIN { exit !(c > 0) }'; then
        printf '%14s' "$(awk -v a="${CPU[$b/ember]}" -v c="${CPU[$b/$o]}" 'BEGIN { printf "%.2f", a / c }')"
      else printf '%14s' n/a; fi
    done
    echo
  done
  echo

  echo "== peak RSS (MiB, max over runs, /usr/bin/time %M)"
  printf '%-14s' benchmark; for impl in $IMPLS; do printf '%11s' "$impl"; done; echo
  for b in hello $ONLY; do
    printf '%-14s' "$b"
    for impl in $IMPLS; do
      k="$b/$impl"
      if [ -n "${RSS[$k]:-}" ] && { usable "$k" || [ "$impl" != ember ]; }; then
        printf '%11s' "$(awk -v r="${RSS[$k]}" 'BEGIN { printf "%.1f", r / 1024 }')"
      else printf '%11s' n/a; fi
    done
    echo
  done
  echo
fi

per_op() {  # per_op BENCH COUNT TITLE
  local b=$1 count=$2 title=$3
  case " $ONLY " in *" $b "*) ;; *) return ;; esac
  echo "== $title"
  printf '%-14s' ''; for impl in $IMPLS; do printf '%11s' "$impl"; done; echo
  printf '%-14s' 'wall'
  for impl in $IMPLS; do
    if usable "$b/$impl"; then printf '%11s' "$(awk -v w="${WALL[$b/$impl]}" -v c="$count" 'BEGIN { printf "%.2f", w * 1e9 / c }')"
    else printf '%11s' n/a; fi
  done
  echo
  printf '%-14s' 'wall - hello'
  for impl in $IMPLS; do
    if usable "$b/$impl" && usable "hello/$impl"; then
      printf '%11s' "$(awk -v w="${WALL[$b/$impl]}" -v h="${WMIN[hello/$impl]}" -v c="$count" 'BEGIN { printf "%.2f", (w - h) * 1e9 / c }')"
    else printf '%11s' n/a; fi
  done
  echo
  echo
}
per_op fib "$FIB_CALLS" "fib(37): ns per call ($FIB_CALLS calls); 'wall - hello' subtracts the start-up time (hello min)"
per_op loop "$LOOP_ITERS" "loop: ns per iteration ($LOOP_ITERS iterations)"

# ---------------------------------------------------------------- process benchmarks
PIMPLS=()
for impl in $IMPLS; do case $impl in lua|python) ;; *) PIMPLS+=("$impl") ;; esac; done
mmed() {  # mmed BENCH IMPL KEY: median of the program's own "# KEY value" figures, or nothing
  local k="$1/$2/$3"
  { usable "$1/$2" || { [ "$2" != ember ] && [ "${STATUS[$1/$2]:-absent}" = mismatch ]; }; } || return 0
  [ -n "${MEAS[$k]:-}" ] && printf '%s\n' ${MEAS[$k]} | median
}
prow() {  # prow LABEL BENCH KEY [SCALE FORMAT]: one table row of in-program figures
  local label=$1 b=$2 key=$3 scale=${4:-1} fmt=${5:-%.1f} impl v
  printf '%-34s' "$label"
  for impl in "${PIMPLS[@]}"; do
    v=$(mmed "$b" "$impl" "$key")
    if [ -n "$v" ]; then printf '%11s' "$(awk -v v="$v" -v s="$scale" -v f="$fmt" 'BEGIN { printf f, v * s }')"
    else printf '%11s' n/a; fi
  done
  echo
}
phead() { printf '%-34s' "$1"; for impl in "${PIMPLS[@]}"; do printf '%11s' "$impl"; done; echo; }
par_list=()
for b in $ONLY; do
  [ "$b" = binparse ] || continue
  echo "== binparse: a CSV parsed byte by byte with <<c, rest::binary>> (in-program ms, median)"
  phead ''
  for mb in 1 2 4 8; do prow "$mb MB" "$b" "parse_ms_${mb}mb" 1 %.0f; done
  echo
done
for b in $ONLY; do
  [ -n "$(bench_scheds "$b")" ] || continue
  s=$(bench_scheds "$b")
  case $(bench_base "$b") in
    spawn)
      echo "== $b ($s scheduler(s)): $SPAWN_N processes blocked in receive, then one message and one reply each"
      echo "   in-program figures: median of the '# ' lines; memory: (peak RSS at N - peak RSS at N = 0) / N"
      phead ''
      prow 'spawn: us per process' "$b" spawn_ns_per_process 0.001 %.2f
      prow 'message + reply: us per process' "$b" roundtrip_ns_per_process 0.001 %.2f
      printf '%-34s' 'wall(N) - wall(0): us per process'
      for impl in "${PIMPLS[@]}"; do
        if usable "$b/$impl" && [ -n "${WALL0[$b/$impl]:-}" ]; then
          printf '%11s' "$(awk -v a="${WALL[$b/$impl]}" -v z="${WALL0[$b/$impl]}" -v n="$SPAWN_N" 'BEGIN { printf "%.2f", (a - z) * 1e6 / n }')"
        else printf '%11s' n/a; fi
      done
      echo
      if [ $HAVE_TIME = 1 ]; then
        printf '%-34s' 'peak RSS MiB, N / N = 0'
        for impl in "${PIMPLS[@]}"; do
          if usable "$b/$impl" && [ -n "${RSS[$b/$impl]:-}" ] && [ -n "${RSS0[$b/$impl]:-}" ]; then
            printf '%11s' "$(awk -v a="${RSS[$b/$impl]}" -v z="${RSS0[$b/$impl]}" 'BEGIN { printf "%.0f/%.0f", a / 1024, z / 1024 }')"
          else printf '%11s' n/a; fi
        done
        echo
        printf '%-34s' 'bytes per live process'
        for impl in "${PIMPLS[@]}"; do
          if usable "$b/$impl" && [ -n "${RSS[$b/$impl]:-}" ] && [ -n "${RSS0[$b/$impl]:-}" ]; then
            printf '%11s' "$(awk -v a="${RSS[$b/$impl]}" -v z="${RSS0[$b/$impl]}" -v n="$SPAWN_N" 'BEGIN { printf "%.0f", (a - z) * 1024 / n }')"
          else printf '%11s' n/a; fi
        done
        echo
      fi
      echo ;;
    ring)
      echo "== $b ($s scheduler(s)): 10,000 processes, 1,000,000 hops (in-program, median)"
      phead ''
      prow 'ns per hop' "$b" ns_per_hop 1 %.0f
      prow 'set-up ms (spawn + link)' "$b" setup_ms 1 %.0f
      echo ;;
    mailbox)
      echo "== $b ($s scheduler(s)): 1,000,000 messages, one sender, one receiver (in-program, median)"
      phead ''
      prow 'ns per message (send + receive)' "$b" ns_per_message 1 %.0f
      prow 'sending ms' "$b" send_ms 1 %.0f
      echo ;;
    parallel) par_list+=("$b") ;;
    regex)
      echo "== $b ($s scheduler(s)): regex-redux, 9 counts + 5 replacements over a generated 4 MB text (in-program ms, median)"
      phead ''
      prow 'regex work, ms' "$b" elapsed_ms 1 %.0f
      echo ;;
    fairness)
      echo "== $b ($s scheduler(s)): echo round trip, us: alone / beside 8 spinning processes (in-program, median of runs)"
      phead ''
      for k in alone_p50_us alone_p99_us alone_max_us loaded_p50_us loaded_p99_us loaded_max_us; do
        prow "$k" "$b" "$k" 1 %.1f
      done
      echo ;;
  esac
done
if [ ${#par_list[@]} -gt 0 ]; then
  echo "== parallel: 16 x fib(34) in 16 processes; speed-up = time on the first listed scheduler count / time"
  phead 'in-program seconds'
  for b in "${par_list[@]}"; do prow "  $(bench_scheds "$b") scheduler(s)" "$b" elapsed_ms 0.001 %.3f; done
  phead 'wall seconds (incl. start-up)'
  for b in "${par_list[@]}"; do
    printf '%-34s' "  $(bench_scheds "$b") scheduler(s)"
    for impl in "${PIMPLS[@]}"; do printf '%11s' "$(cell_time "$b/$impl" "$RUNS")"; done
    echo
  done
  b1=${par_list[0]}
  for b in "${par_list[@]:1}"; do
    printf '%-34s' "speed-up $(bench_scheds "$b1") -> $(bench_scheds "$b"), in-program"
    for impl in "${PIMPLS[@]}"; do
      x=$(mmed "$b1" "$impl" elapsed_ms); y=$(mmed "$b" "$impl" elapsed_ms)
      if [ -n "$x" ] && [ -n "$y" ] && awk -v y="$y" 'BEGIN { exit !(y > 0) }'; then
        printf '%11s' "$(awk -v x="$x" -v y="$y" 'BEGIN { printf "%.2fx", x / y }')"
      else printf '%11s' n/a; fi
    done
    echo
    printf '%-34s' "speed-up $(bench_scheds "$b1") -> $(bench_scheds "$b"), wall"
    for impl in "${PIMPLS[@]}"; do
      if usable "$b1/$impl" && usable "$b/$impl"; then
        printf '%11s' "$(awk -v x="${WALL[$b1/$impl]}" -v y="${WALL[$b/$impl]}" 'BEGIN { printf "%.2fx", x / y }')"
      else printf '%11s' n/a; fi
    done
    echo
  done
  echo
fi

echo "== summary (load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null))"
for b in hello $ONLY; do
  line=$(printf '%-13s' "$b")
  for impl in $IMPLS; do
    n=$RUNS; [ "$b" = hello ] && n=$HELLO_RUNS
    line+=" $impl $(cell_time "$b/$impl" "$n") "
  done
  line+="|"
  for o in "${others[@]}"; do
    if usable "$b/ember" && usable "$b/$o"; then
      line+=" ember/$o $(awk -v a="${WALL[$b/ember]}" -v c="${WALL[$b/$o]}" 'BEGIN { printf "%.2f", a / c }')"
    else line+=" ember/$o n/a"; fi
  done
  echo "$line"
done
echo

# ---------------------------------------------------------------- problems
status=0
for b in hello $ONLY; do
  for impl in $IMPLS; do
    k="$b/$impl"; st=${STATUS[$k]:-absent}
    case $st in
      ok|absent) ;;
      mismatch)
        echo "MISMATCH $k: output differs from $EXPECTED/$(bench_base "$b").out:"
        diff "$EXPECTED/$(bench_base "$b").out" "$TMP/$b.$impl.got" | head -n 10 | sed 's/^/    /'
        [ "$impl" != ember ] && status=1 ;;
      *)
        echo "FAILED   $k: $st$([ "$st" = timeout ] && echo " (BENCH_TIMEOUT=${TIMEOUT}s)")"
        [ -s "$TMP/$b.$impl.err" ] && head -n 5 "$TMP/$b.$impl.err" | sed 's/^/    /'
        [ "$impl" != ember ] && status=1 ;;
    esac
  done
done
for impl in $IMPLS; do
  impl_cmd "$impl" hello 2>/dev/null || echo "note: $impl not available$([ "$impl" = python ] && [ "$SKIP_SLOW" = 1 ] && echo ' (BENCH_SKIP_SLOW=1)')"
done
[ $status = 0 ] && echo "all available non-ember implementations agree with $EXPECTED/*.out"
exit $status
