#!/bin/sh
# Real IEx dressed as Ember's shell (banner and prompts), to check the mechanics of a new .pty
# script before Ember can run it: `bash tests/repl/run.sh tests/repl/iex_stand_in.sh PTY_DRIVE`.
# Writes nothing (the configuration comes from --dot-iex). Where Ember's shell is specified to
# differ from IEx, scripts fail under the stand-in, and that is expected: the counter goes up
# after an error (error_*), Ctrl-C interrupts instead of opening BREAK (ctrl_c_*), Ctrl-D exits
# (ctrl_d_exits), history lives in ~/.ember_history (history_across_sessions), h() mentions
# v(n) (helper_h), and piped input prints results only (pipe/*).
printf 'Interactive Ember (IEx stand-in)\n'
exec iex --dot-iex "$(dirname "$0")/iex_stand_in.exs"
