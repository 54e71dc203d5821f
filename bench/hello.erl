#!/usr/bin/env escript
%% Twin of bench/hello.exs: start-up time.
-mode(compile).

main(_) ->
    io:format("Hello, world!~n").
