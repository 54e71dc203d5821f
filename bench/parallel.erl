#!/usr/bin/env escript
%% Twin of bench/parallel.exs: 16 processes each compute the naive fib(34), the main process
%% sums the results. Run with +S 1 and +S 2 for the speed-up.
%% Lines starting with "# " are timings (not compared with bench/expected).
-mode(compile).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

start(0, _N, _Main) -> ok;
start(K, N, Main) ->
    spawn(fun() -> Main ! {fib, fib(N)} end),
    start(K - 1, N, Main).

collect(0, Sum) -> Sum;
collect(K, Sum) ->
    receive
        {fib, F} -> collect(K - 1, Sum + F)
    end.

main(_) ->
    K = 16,
    N = 34,
    T0 = erlang:monotonic_time(nanosecond),
    start(K, N, self()),
    Sum = collect(K, 0),
    T1 = erlang:monotonic_time(nanosecond),
    io:format("~b x fib(~b): sum ~b~n", [K, N, Sum]),
    io:format("# elapsed_ms ~b~n", [(T1 - T0) div 1000000]).
