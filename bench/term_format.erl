#!/usr/bin/env escript
%% Twin of bench/term_format.exs: term_to_binary + binary_to_term of 1,000,000 small tuples.
%% Lines starting with "# " are timings (not compared with bench/expected).
-mode(compile).

build(0, Acc) -> Acc;
build(I, Acc) -> build(I - 1, [{I, item, <<"payload">>, #{id => I}} | Acc]).

main(_) ->
    N = 1000000,
    Data = build(N, []),
    T0 = erlang:monotonic_time(nanosecond),
    Bin = term_to_binary(Data),
    T1 = erlang:monotonic_time(nanosecond),
    Back = binary_to_term(Bin),
    T2 = erlang:monotonic_time(nanosecond),
    io:format("~b elements, ~b bytes, round trip ~s~n", [N, byte_size(Bin), Back == Data]),
    io:format("# encode_ms ~b~n", [(T1 - T0) div 1000000]),
    io:format("# decode_ms ~b~n", [(T2 - T1) div 1000000]),
    io:format("# total_ms ~b~n", [(T2 - T0) div 1000000]).
