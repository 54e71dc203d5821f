#!/usr/bin/env escript
%% Twin of bench/ring.exs: 10,000 processes in a ring, a token passed 1,000,000 hops.
%% Lines starting with "# " are timings (not compared with bench/expected).
-mode(compile).

start(Index, Main) ->
    receive
        {next, Next} -> loop(Index, Next, Main)
    end.

loop(Index, Next, Main) ->
    receive
        {token, Count, Hops} -> pass(Index, Next, Main, Count, Hops)
    end.

pass(Index, _Next, Main, Count, Hops) when Count == Hops ->
    Main ! {done, Count, Index};
pass(Index, Next, Main, Count, Hops) ->
    Next ! {token, Count + 1, Hops},
    loop(Index, Next, Main).

spawn_ring(0, _Main, Acc) -> Acc;
spawn_ring(I, Main, Acc) ->
    Pid = spawn(fun() -> start(I, Main) end),
    spawn_ring(I - 1, Main, [Pid | Acc]).

link_ring([Last], First) -> Last ! {next, First};
link_ring([A, B | Rest], First) ->
    A ! {next, B},
    link_ring([B | Rest], First).

main(_) ->
    Size = 10000,
    Hops = 1000000,
    T0 = erlang:monotonic_time(nanosecond),
    Pids = spawn_ring(Size, self(), []),
    [First | _] = Pids,
    link_ring(Pids, First),
    T1 = erlang:monotonic_time(nanosecond),
    First ! {token, 0, Hops},
    receive
        {done, Count, Index} ->
            T2 = erlang:monotonic_time(nanosecond),
            io:format("ring of ~b processes: ~b hops, token ends at process ~b~n", [Size, Count, Index]),
            io:format("# setup_ms ~b~n", [(T1 - T0) div 1000000]),
            io:format("# hops_ms ~b~n", [(T2 - T1) div 1000000]),
            io:format("# ns_per_hop ~b~n", [(T2 - T1) div Hops])
    end.
