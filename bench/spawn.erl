#!/usr/bin/env escript
%% Twin of bench/spawn.exs: spawn N processes (default 1,000,000; N = first argument) that
%% each wait in receive, message each one, collect all N replies; checksum N*(N+1)/2.
%% Lines starting with "# " are timings (not compared with bench/expected).
-mode(compile).

worker(I) ->
    receive
        {ping, From} -> From ! {pong, I}
    end.

spawn_all(0, Acc) -> Acc;
spawn_all(I, Acc) ->
    Pid = spawn(fun() -> worker(I) end),
    spawn_all(I - 1, [Pid | Acc]).

ping_all([], _Me) -> ok;
ping_all([Pid | Rest], Me) ->
    Pid ! {ping, Me},
    ping_all(Rest, Me).

collect(0, Sum) -> Sum;
collect(N, Sum) ->
    receive
        {pong, I} -> collect(N - 1, Sum + I)
    end.

arg_n([]) -> 1000000;
arg_n([S | _]) -> list_to_integer(S).

main(Args) ->
    N = arg_n(Args),
    T0 = erlang:monotonic_time(nanosecond),
    Pids = spawn_all(N, []),
    T1 = erlang:monotonic_time(nanosecond),
    ping_all(Pids, self()),
    Sum = collect(N, 0),
    T2 = erlang:monotonic_time(nanosecond),
    io:format("~b processes, checksum ~b~n", [N, Sum]),
    io:format("# spawn_ms ~b~n", [(T1 - T0) div 1000000]),
    io:format("# message_ms ~b~n", [(T2 - T1) div 1000000]),
    io:format("# spawn_ns_per_process ~b~n", [(T1 - T0) div max(N, 1)]),
    io:format("# roundtrip_ns_per_process ~b~n", [(T2 - T1) div max(N, 1)]).
