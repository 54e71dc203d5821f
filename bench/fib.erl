#!/usr/bin/env escript
%% Twin of bench/fib.exs: naive recursive fib(37) = 24157817 (78176337 calls).
-mode(compile).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

main(_) ->
    io:format("~b~n", [fib(37)]).
