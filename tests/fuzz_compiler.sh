#!/usr/bin/env bash
# Compiler fuzz driver: mutates the golden corpus and checks that the front end never crashes
# or hangs on the result.
#
#   tests/fuzz_compiler.sh EMBER DIR
#
# For each of FUZZ_COUNT mutants (default 3000) it picks a corpus program and a mutation
# (truncation, byte flip/insert/delete, NUL byte, token delete/duplicate/swap/replace, line
# delete/duplicate/swap, a line spliced from another program, deep bracket nesting, huge
# literals; replacement tokens include bit-syntax specifiers), writes the mutant and runs
#
#   timeout $FUZZ_TIMEOUT EMBER $FUZZ_ARGS MUTANT </dev/null      (FUZZ_ARGS default: --check)
#
# `--check` compiles without running, so a mutant that loops forever is never executed and any
# hang is a compiler bug. A run fails when it is killed by a signal (exit status >= 128, which
# includes ASan's abort), times out (124), or prints a sanitizer report on stderr. Exit status
# 1 for an ordinary compile error is of course fine. Each failing input is saved under
# $FUZZ_OUT (default build/fuzz-failures/) with a .why file holding the reason and stderr.
#
# Deterministic: the same FUZZ_SEED, corpus and FUZZ_COUNT give the same mutants (the PRNG is
# MINSTD in bash and awk, independent of the awk implementation).
# Output: `not ok N - ...` for each failure, a summary, and the last line `N passed, M failed`.
# Environment: FUZZ_COUNT (3000), FUZZ_SEED (1), FUZZ_JOBS (2), FUZZ_TIMEOUT (5), FUZZ_ARGS
# (--check), FUZZ_OUT (build/fuzz-failures), FUZZ_VERBOSE=1 also prints `ok` lines,
# FUZZ_KEEP=1 keeps the generated mutants (their directory is printed).
set -u

[ $# -eq 2 ] || { echo "usage: $0 EMBER DIR" >&2; exit 2; }
EMBER=$1
DIR=$2
COUNT=${FUZZ_COUNT:-3000}
SEED=${FUZZ_SEED:-1}
JOBS=${FUZZ_JOBS:-2}
TIMEOUT=${FUZZ_TIMEOUT:-5}
ARGS=${FUZZ_ARGS---check}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUTDIR=${FUZZ_OUT:-$ROOT/build/fuzz-failures}

if [[ $EMBER == */* ]]; then
    [ -x "$EMBER" ] || { echo "$0: $EMBER: not an executable" >&2; exit 2; }
    EMBER="$(cd "$(dirname "$EMBER")" && pwd)/$(basename "$EMBER")"
else
    command -v "$EMBER" >/dev/null || { echo "$0: $EMBER: command not found" >&2; exit 2; }
fi
[ -d "$DIR" ] || { echo "$0: $DIR: not a directory" >&2; exit 2; }
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LC_ALL=C

mapfile -t CORPUS < <(find "$DIR" -name '*.exs' -type f | LC_ALL=C sort)
NC=${#CORPUS[@]}
[ "$NC" -gt 0 ] || { echo "$0: no .exs files under $DIR" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/fuzz.XXXXXX")
if [ "${FUZZ_KEEP:-0}" = 1 ]; then
    echo "# mutants kept in $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK/m" "$WORK/r"

# ---- deterministic PRNG (MINSTD; state always in 1..2^31-2) ----
STATE=$(( (SEED % 2147483646 + 2147483646) % 2147483646 + 1 ))
rnd() { # rnd N -> R in 0..N-1
    STATE=$(( STATE * 48271 % 2147483647 ))
    R=$(( STATE % $1 ))
}

OPS=(truncate truncate flip flip insert_byte delete_bytes nul
     tok_delete tok_delete tok_dup tok_swap tok_replace tok_replace
     line_delete line_dup line_swap splice nest huge_literal)

# The awk mutator: reads FILE (and DONOR for splice), applies OP using SEED, prints the
# mutant. Byte-level work happens on the whole file as one string (LC_ALL=C: bytes).
MUTATOR='
function rnd(n) { st = (st * 48271) % 2147483647; return st % n }
function tokenize(   i, rest, pos, off) {
    # tokens of non-comment lines only; ts/tl are offsets into the whole-file string s
    nt = 0; off = 1
    for (i = 1; i <= nl; i++) {
        if (lines[i] !~ /^[ \t]*#/) {
            rest = lines[i]; pos = off
            while (length(rest) > 0 &&
                   match(rest, /[A-Za-z_][A-Za-z0-9_?!]*|[0-9][0-9A-Fa-fxob_.]*|"""|[][(){}"'\'',]|[-+*\/<>=|&!^~%.;:@\\#?]+/)) {
                nt++; ts[nt] = pos + RSTART - 1; tl[nt] = RLENGTH
                pos += RSTART + RLENGTH - 1
                rest = substr(rest, RSTART + RLENGTH)
            }
        }
        off += length(lines[i]) + 1
    }
}
function tok(i) { return substr(s, ts[i], tl[i]) }
function rep(str, n,   out) { # str repeated n times, by doubling
    if (n <= 0) return ""
    out = str; while (length(out) < n * length(str)) out = out out
    return substr(out, 1, n * length(str))
}
BEGIN {
    st = seed % 2147483646 + 1
    split("do end fn -> ( ) [ ] { } %{ << >> \" \"\"\" '\'' , | |> :: when \\\\ <> ++ = == ^ & &1 . .. :atom 0x 1.0e 9999999999999999999999 defmodule def case cond with for try rescue after else catch ; ? ::size(-1) ::binary ::bits -little -signed -native ::utf16 ::utf32 ::float-16 size(x) unit(3) <-", dict, " ")
    ndict = 0; for (k in dict) ndict++
}
FILENAME == ARGV[1] { s = s $0 "\n"; nl++; lines[nl] = $0; next }
FILENAME == ARGV[2] { nd++; donor[nd] = $0; next }
END {
    n = length(s); if (n == 0) { s = "x\n"; n = 2 }
    if (op == "truncate") { printf "%s", substr(s, 1, rnd(n)); exit }
    if (op == "flip") {
        i = rnd(n) + 1; printf "%s%c%s", substr(s, 1, i - 1), rnd(255) + 1, substr(s, i + 1); exit
    }
    if (op == "insert_byte") {
        i = rnd(n + 1); printf "%s%c%s", substr(s, 1, i), rnd(255) + 1, substr(s, i + 1); exit
    }
    if (op == "delete_bytes") {
        i = rnd(n) + 1; len = rnd(16) + 1; printf "%s%s", substr(s, 1, i - 1), substr(s, i + len); exit
    }
    if (op ~ /^tok_/) {
        tokenize()
        if (nt < 2) { printf "%s", s; exit }
        a = rnd(nt) + 1; b = rnd(nt) + 1
        if (op == "tok_delete") { printf "%s%s", substr(s, 1, ts[a] - 1), substr(s, ts[a] + tl[a]); exit }
        if (op == "tok_dup") { printf "%s%s %s", substr(s, 1, ts[a] - 1), tok(a), substr(s, ts[a]); exit }
        if (op == "tok_replace") {
            printf "%s%s%s", substr(s, 1, ts[a] - 1), dict[rnd(ndict) + 1], substr(s, ts[a] + tl[a]); exit
        }
        if (op == "tok_swap") {
            if (a > b) { t = a; a = b; b = t }
            if (a == b) { printf "%s", s; exit }
            printf "%s%s%s%s%s", substr(s, 1, ts[a] - 1), tok(b), substr(s, ts[a] + tl[a], ts[b] - ts[a] - tl[a]), tok(a), substr(s, ts[b] + tl[b])
            exit
        }
    }
    if (op ~ /^line_/ || op == "splice") {
        a = rnd(nl) + 1; b = rnd(nl) + 1
        if (op == "line_swap") { t = lines[a]; lines[a] = lines[b]; lines[b] = t }
        for (i = 1; i <= nl; i++) {
            if (op == "line_delete" && i == a) continue
            print lines[i]
            if (op == "line_dup" && i == a) print lines[i]
            if (op == "splice" && i == a && nd > 0) print donor[rnd(nd) + 1]
        }
        exit
    }
    if (op == "nest") {
        split("( [ { %{ fn->( <<", opens, " "); split(") ] } } ) >>", closes, " ")
        k = rnd(6) + 1; depth = rnd(4); d = (depth == 0) ? 100 : (depth == 1) ? 1000 : (depth == 2) ? 10000 : 100000
        i = rnd(n + 1); bal = rnd(2)
        printf "%sx = %s1%s\n%s", substr(s, 1, i), rep(opens[k], d), (bal ? rep(closes[k], d) : ""), substr(s, i + 1)
        exit
    }
    if (op == "huge_literal") {
        kind = rnd(4); i = rnd(n + 1)
        if (kind == 0) lit = rep("9", 20000)
        else if (kind == 1) lit = ":" rep("a", 300)
        else if (kind == 2) lit = "\"" rep("\\\\", 5000) "\""
        else lit = rep("1.", 2000) "0e99999"
        printf "%s%s%s", substr(s, 1, i), lit, substr(s, i + 1)
        exit
    }
    printf "%s", s
}'

# ---- generate the mutants ----
: >"$WORK/list"
for ((i = 1; i <= COUNT; i++)); do
    rnd "$NC"; src=${CORPUS[$R]}
    rnd "${#OPS[@]}"; op=${OPS[$R]}
    rnd "$NC"; donor=${CORPUS[$R]}
    rnd 2147483646; mseed=$R
    name=${src##*/}; name=${name%.exs}
    mut=$WORK/m/$i-$name.exs
    if [ "$op" = nul ]; then
        size=$(wc -c <"$src")
        rnd $((size + 1)); off=$R
        { head -c "$off" "$src"; printf '\0'; tail -c +"$((off + 1))" "$src"; } >"$mut"
    else
        awk -v op="$op" -v seed="$mseed" "$MUTATOR" "$src" "$donor" >"$mut" 2>/dev/null
    fi
    printf '%s\t%s\t%s\n' "$i" "$op" "${src#"$DIR"/}" >>"$WORK/list"
done

# Runs mutant $1 (file $2); writes $WORK/r/$1 with "ok" or "fail <reason>".
fuzz_one() {
    local i=$1 mut=$2 rc res reason=""
    exec 2>/dev/null # keep bash's own "Segmentation fault" notices off the report
    # shellcheck disable=SC2086
    (cd "${mut%/*}" && exec timeout -k 2 "$TIMEOUT" "$EMBER" $ARGS "${mut##*/}" \
        </dev/null >/dev/null 2>"$mut.stderr")
    rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        reason="hang: no result after ${TIMEOUT}s (exit status $rc)"
    elif [ "$rc" -ge 128 ]; then
        reason="crash: killed by signal $((rc - 128))"
    elif [ -s "$mut.stderr" ] && grep -q -a -E 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|ThreadSanitizer|runtime error:' "$mut.stderr"; then
        reason="sanitizer report (exit status $rc)"
    fi
    if [ -n "$reason" ]; then res="fail $reason"; else res=ok; fi
    printf '%s\n' "$res" >"$WORK/r/$i"
}
export -f fuzz_one
export WORK EMBER ARGS TIMEOUT

echo "# fuzzing $EMBER $ARGS with $COUNT mutants of $NC programs (seed $SEED, $JOBS jobs)"
while IFS=$'\t' read -r i op src; do
    name=${src##*/}
    printf '%s\0%s\0' "$i" "$WORK/m/$i-${name%.exs}.exs"
done <"$WORK/list" | xargs -0 -n 2 -P "$JOBS" bash -c 'fuzz_one "$1" "$2"' _

passed=0
failed=0
declare -A BYOP=()
while IFS=$'\t' read -r i op src; do
    res="fail no result"
    [ -e "$WORK/r/$i" ] && read -r res <"$WORK/r/$i"
    if [ "$res" = ok ]; then
        passed=$((passed + 1))
        [ "${FUZZ_VERBOSE:-0}" = 1 ] && echo "ok $i - $op of $src"
    else
        failed=$((failed + 1))
        BYOP[$op]=$(( ${BYOP[$op]:-0} + 1 ))
        name=${src##*/}; name=${name%.exs}
        mut=$WORK/m/$i-$name.exs
        keep=$OUTDIR/$name-$op-seed$SEED-$i.exs
        cp "$mut" "$keep"
        { echo "${res#fail }"; echo "mutation: $op of $src (FUZZ_SEED=$SEED, mutant $i)";
          echo "command: $EMBER $ARGS ${keep##*/}"; echo "--- stderr:";
          head -c 4000 "$mut.stderr" 2>/dev/null; } >"${keep%.exs}.why"
        echo "not ok $i - $op of $src: ${res#fail } (saved $keep)"
    fi
done <"$WORK/list"

for op in "${OPS[@]}"; do # in OPS order (which repeats some names), each once
    [ -n "${BYOP[$op]:-}" ] && echo "# failures from $op: ${BYOP[$op]}" && unset "BYOP[$op]"
done
[ "$failed" -gt 0 ] && echo "# failing inputs are in $OUTDIR"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
