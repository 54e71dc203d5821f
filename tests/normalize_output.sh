# Output normalization shared by run_golden.sh and check_oracle.sh (source this file).
#
# Processes make some output differ from run to run, so both the expected and the actual text
# go through `normalize_output` (a filter: stdin to stdout) before they are compared:
#   1. a timestamp `HH:MM:SS.mmm [` at the start of a line (a Logger report header such as
#      `14:34:50.658 [error] Process #PID<0.99.0> raised an exception`) becomes `XX:XX:XX.XXX [`;
#   2. `#PID<a.b.c>` becomes `#PID<X>` and `#Reference<a.b.c.d>` becomes `#Reference<X>`;
#   3. inside a Logger report (from its header line to the next empty line), the stack-trace
#      lines right after a `** (` line are dropped: lines starting with exactly 4 spaces that
#      look like a stack entry, `    (app 1.2.3) path:line: ...`, `    file.exs:12: ...` or
#      `    :module.fun(...)`. Ember's frames for stdlib functions legitimately differ.
# Everything else (the report's message, `** (` line and any lines after the stack) is
# compared exactly. Rule 2 is also applied to the first `** (` stderr line (.err files), e.g.
# `** (EXIT from #PID<0.96.0>) :boom`.
# Plain POSIX awk (mawk-compatible: no {n} intervals).
normalize_output() {
    LC_ALL=C awk '
    function is_stack(s) {
        if (substr(s, 1, 4) != "    " || substr(s, 5, 1) == " " || s == "    ") return 0
        return s ~ /^    \([^ ()]+( [^()]*)?\) / || s ~ /^    [^ ]+:[0-9]+: / || s ~ /^    :[a-z_]/
    }
    {
        line = $0
        if (line ~ /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9] \[/) {
            line = "XX:XX:XX.XXX" substr(line, 13)
            inrep = 1; intrace = 0
        } else if (line == "") {
            inrep = 0; intrace = 0
        }
        gsub(/#PID<[0-9]+\.[0-9]+\.[0-9]+>/, "#PID<X>", line)
        gsub(/#Reference<[0-9.]+>/, "#Reference<X>", line)
        if (inrep && line ~ /^\*\* \(/) { intrace = 1; print line; next }
        if (intrace && is_stack(line)) next
        intrace = 0
        print line
    }'
}
