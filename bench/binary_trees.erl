#!/usr/bin/env escript
%% Twin of bench/binary_trees.exs: benchmarks-game binary-trees, max depth 17.
%% A tree is a 2-tuple {Left, Right}; a leaf is {nil, nil}.
-mode(compile).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).

max2(A, B) when A > B -> A;
max2(_A, B) -> B.

pow2(0) -> 1;
pow2(N) -> 2 * pow2(N - 1).

sum_trees(0, _D, Acc) -> Acc;
sum_trees(Iters, D, Acc) -> sum_trees(Iters - 1, D, Acc + check(make(D))).

depths(D, MaxDepth, _MinDepth) when D > MaxDepth -> ok;
depths(D, MaxDepth, MinDepth) ->
    Iters = pow2(MaxDepth - D + MinDepth),
    io:format("~b\t trees of depth ~b\t check: ~b~n", [Iters, D, sum_trees(Iters, D, 0)]),
    depths(D + 2, MaxDepth, MinDepth).

run(N) ->
    MinDepth = 4,
    MaxDepth = max2(MinDepth + 2, N),
    Stretch = MaxDepth + 1,
    io:format("stretch tree of depth ~b\t check: ~b~n", [Stretch, check(make(Stretch))]),
    LongLived = make(MaxDepth),
    depths(MinDepth, MaxDepth, MinDepth),
    io:format("long lived tree of depth ~b\t check: ~b~n", [MaxDepth, check(LongLived)]).

main(_) ->
    run(17).
