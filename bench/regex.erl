#!/usr/bin/env escript
%% regex-redux, the twin of regex.exs: the same generated text (fasta's LCG), the same
%% patterns through re (precompiled, as Regex does), the same output and "# elapsed_ms" line.
-mode(compile).

-define(ALU, <<"GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA">>).

iub() -> [{$a, 37791}, {$c, 54587}, {$g, 71383}, {$t, 109174}, {$B, 111973}, {$D, 114772},
          {$H, 117571}, {$K, 120370}, {$M, 123169}, {$N, 125968}, {$R, 128767}, {$S, 131566},
          {$V, 134365}, {$W, 137164}, {$Y, 139968}].
homo() -> [{$a, 42284}, {$c, 70057}, {$g, 97831}, {$t, 139968}].

pick(R, [{C, W} | _]) when R < W -> C;
pick(R, [_ | T]) -> pick(R, T).

line(0, _Table, Seed, Acc) -> {Acc, Seed};
line(K, Table, Seed, Acc) ->
    Seed1 = (Seed * 3877 + 29573) rem 139968,
    line(K - 1, Table, Seed1, [pick(Seed1, Table) | Acc]).

random(0, _Table, Seed, Acc) -> {Acc, Seed};
random(N, Table, Seed, Acc) ->
    K = min(N, 60),
    {Chars, Seed1} = line(K, Table, Seed, []),
    random(N - K, Table, Seed1, [Acc, list_to_binary(Chars), $\n]).

repeat(N, _Offset, Acc) when N =< 0 -> Acc;
repeat(N, Offset, Acc) ->
    K = min(N, 60),
    Alu = ?ALU,
    Line = binary:part(<<Alu/binary, Alu/binary>>, Offset, K),
    repeat(N - K, (Offset + K) rem byte_size(Alu), [Acc, Line, $\n]).

generate(N) ->
    One = repeat(2 * N, 0, []),
    {Two, Seed} = random(3 * N, iub(), 42, []),
    {Three, _} = random(5 * N, homo(), Seed, []),
    iolist_to_binary([<<">ONE Homo sapiens alu\n">>, One, <<">TWO IUB ambiguity codes\n">>, Two,
                      <<">THREE Homo sapiens frequency\n">>, Three]).

compile(Source, Opts) -> {ok, MP} = re:compile(Source, Opts), {Source, MP}.

run(Input) ->
    {_, Strip} = compile(<<">.*\n|\n">>, []),
    Seq = re:replace(Input, Strip, <<>>, [global, {return, binary}]),
    Variants = [<<"agggtaaa|tttaccct">>, <<"[cgt]gggtaaa|tttaccc[acg]">>,
                <<"a[act]ggtaaa|tttacc[agt]t">>, <<"ag[act]gtaaa|tttac[agt]ct">>,
                <<"agg[act]taaa|ttta[agt]cct">>, <<"aggg[acg]aaa|ttt[cgt]ccct">>,
                <<"agggt[cgt]aa|tt[acg]accct">>, <<"agggta[cgt]a|t[acg]taccct">>,
                <<"agggtaa[cgt]|[acg]ttaccct">>],
    Counts = [{V, count(Seq, element(2, compile(V, [caseless])))} || V <- Variants],
    Substs = [{<<"tHa[Nt]">>, <<"<4>">>}, {<<"aND|caN|Ha[DS]|WaS">>, <<"<3>">>},
              {<<"a[NSt]|BY">>, <<"<2>">>}, {<<"<[^>]*>">>, <<"|">>},
              {<<"\\|[^|][^|]*\\|">>, <<"-">>}],
    Final = lists:foldl(fun({P, R}, S) ->
                                {_, MP} = compile(P, []),
                                re:replace(S, MP, R, [global, {return, binary}])
                        end, Seq, Substs),
    {Counts, byte_size(Input), byte_size(Seq), byte_size(Final)}.

count(Seq, MP) ->
    case re:run(Seq, MP, [global, {capture, all, binary}]) of
        {match, Ms} -> length(Ms);
        nomatch -> 0
    end.

main(_) ->
    Input = generate(400000),
    T0 = erlang:monotonic_time(millisecond),
    {Counts, ILen, CLen, FLen} = run(Input),
    T1 = erlang:monotonic_time(millisecond),
    [io:format("~s ~b~n", [S, N]) || {S, N} <- Counts],
    io:format("~n~b~n~b~n~b~n# elapsed_ms ~b~n", [ILen, CLen, FLen, T1 - T0]).
