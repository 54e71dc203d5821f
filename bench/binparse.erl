#!/usr/bin/env escript
%% Twin of bench/binparse.exs: a generated CSV parsed byte by byte with binary matching at
%% 1, 2, 4 and 8 MB; "# " lines are the in-program parse times.
-mode(compile).

parse(<<$,, Rest/binary>>, F, R, S, C) -> parse(Rest, F + 1, R, S + C, 0);
parse(<<$\n, Rest/binary>>, F, R, S, C) -> parse(Rest, F + 1, R + 1, S + C, 0);
parse(<<Ch, Rest/binary>>, F, R, S, C) when Ch >= $0, Ch =< $9 -> parse(Rest, F, R, S, C * 10 + Ch - $0);
parse(<<_, Rest/binary>>, F, R, S, C) -> parse(Rest, F, R, S, C);
parse(<<>>, F, R, S, _) -> {F, R, S}.

generate(Bytes) -> generate(Bytes, 12345, 0, []).
generate(Bytes, _Seed, Size, Acc) when Size >= Bytes -> iolist_to_binary(Acc);
generate(Bytes, Seed, Size, Acc) ->
    A = (Seed * 1103515245 + 12345) rem 2147483648,
    B = (A * 1103515245 + 12345) rem 2147483648,
    Row = [integer_to_binary(A rem 100000), <<",alpha,">>, integer_to_binary(B rem 1000), <<",omega\n">>],
    generate(Bytes, B, Size + iolist_size(Row), [Acc | Row]).

main(_) ->
    lists:foreach(fun(MB) ->
        Text = generate(MB * 1048576),
        T0 = erlang:monotonic_time(microsecond),
        {F, R, S} = parse(Text, 0, 0, 0, 0),
        T1 = erlang:monotonic_time(microsecond),
        io:format("~b MB: ~b rows, ~b fields, sum ~b~n", [MB, R, F, S]),
        io:format("# parse_ms_~bmb ~b~n", [MB, (T1 - T0) div 1000])
    end, [1, 2, 4, 8]).
