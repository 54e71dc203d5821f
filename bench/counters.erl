#!/usr/bin/env escript
%% Twin of bench/counters.exs: 16 processes each add 1 to one shared counter 1,000,000 times.
%% Run with ERL_FLAGS="+S 2". Lines starting with "# " are timings.
-mode(compile).

add_loop(_C, 0) -> ok;
add_loop(C, N) ->
    counters:add(C, 1, 1),
    add_loop(C, N - 1).

wait(0) -> ok;
wait(K) ->
    receive
        done -> wait(K - 1)
    end.

main(_) ->
    K = 16,
    N = 1000000,
    C = counters:new(1, [write_concurrency]),
    Main = self(),
    T0 = erlang:monotonic_time(nanosecond),
    [spawn(fun() -> add_loop(C, N), Main ! done end) || _ <- lists:seq(1, K)],
    wait(K),
    T1 = erlang:monotonic_time(nanosecond),
    io:format("~b x ~b adds: total ~b~n", [K, N, counters:get(C, 1)]),
    io:format("# elapsed_ms ~b~n", [(T1 - T0) div 1000000]),
    io:format("# adds_per_sec ~b~n", [K * N * 1000000000 div (T1 - T0)]).
