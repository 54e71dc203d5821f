#!/usr/bin/env escript
%% Twin of bench/loop.exs: tail-recursive loop of 100000000 iterations, prints 5000000050000000.
-mode(compile).

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + N).

main(_) ->
    io:format("~b~n", [loop(100000000, 0)]).
