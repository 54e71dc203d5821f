#!/usr/bin/env escript
%% Twin of bench/fairness.exs: 10,000 echo round trips alone, then beside 8 processes spinning
%% in endless recursion, on one scheduler; p50/p99/max in microseconds, then "done 10000".
%% Lines starting with "# " are timings (not compared with bench/expected).
-mode(compile).

echo() ->
    receive
        {ping, From} ->
            From ! pong,
            echo()
    end.

spin(N) -> spin(N + 1).

start_spinners(0) -> ok;
start_spinners(K) ->
    spawn(fun() -> spin(0) end),
    start_spinners(K - 1).

round_trips(_Echo, 0, Acc) -> Acc;
round_trips(Echo, K, Acc) ->
    T0 = erlang:monotonic_time(nanosecond),
    Echo ! {ping, self()},
    receive
        pong ->
            T1 = erlang:monotonic_time(nanosecond),
            round_trips(Echo, K - 1, [T1 - T0 | Acc])
    end.

us(Ns) -> io_lib:format("~b.~b", [Ns div 1000, (Ns rem 1000) div 100]).

report(Label, Times, N) ->
    Sorted = lists:sort(Times),
    P50 = lists:nth(N * 50 div 100, Sorted),
    P99 = lists:nth(N * 99 div 100, Sorted),
    Max = lists:nth(N, Sorted),
    io:format("# ~s_p50_us ~s~n", [Label, us(P50)]),
    io:format("# ~s_p99_us ~s~n", [Label, us(P99)]),
    io:format("# ~s_max_us ~s~n", [Label, us(Max)]).

main(_) ->
    N = 10000,
    Echo = spawn(fun() -> echo() end),
    Alone = round_trips(Echo, N, []),
    start_spinners(8),
    Loaded = round_trips(Echo, N, []),
    report("alone", Alone, N),
    report("loaded", Loaded, N),
    io:format("done ~b~n", [N]).
