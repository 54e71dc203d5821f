#!/usr/bin/env escript
%% Twin of bench/mailbox.exs: 1,000,000 messages from one sender to one receiver that sums them.
%% Lines starting with "# " are timings (not compared with bench/expected).
-mode(compile).

receiver(Acc) ->
    receive
        {done, From} -> From ! {sum, Acc};
        N -> receiver(Acc + N)
    end.

send_all(_Pid, I, N) when I > N -> ok;
send_all(Pid, I, N) ->
    Pid ! I,
    send_all(Pid, I + 1, N).

main(_) ->
    N = 1000000,
    T0 = erlang:monotonic_time(nanosecond),
    Pid = spawn(fun() -> receiver(0) end),
    send_all(Pid, 1, N),
    T1 = erlang:monotonic_time(nanosecond),
    Pid ! {done, self()},
    receive
        {sum, Sum} ->
            T2 = erlang:monotonic_time(nanosecond),
            io:format("~b messages, sum ~b~n", [N, Sum]),
            io:format("# send_ms ~b~n", [(T1 - T0) div 1000000]),
            io:format("# total_ms ~b~n", [(T2 - T0) div 1000000]),
            io:format("# ns_per_message ~b~n", [(T2 - T0) div N])
    end.
