# Twin of bench/binary_trees.exs: benchmarks-game binary-trees, max depth 17.
# A tree is a 2-tuple (left, right); a leaf is (None, None).
def make(d):
    if d == 0:
        return (None, None)
    return (make(d - 1), make(d - 1))


def check(t):
    l, r = t
    if l is None:
        return 1
    return 1 + check(l) + check(r)


def pow2(n):
    if n == 0:
        return 1
    return 2 * pow2(n - 1)


def sum_trees(iters, d, acc):
    # the Elixir version's tail recursion, as a loop
    while iters != 0:
        acc = acc + check(make(d))
        iters = iters - 1
    return acc


def main(n):
    min_depth = 4
    max_depth = min_depth + 2 if min_depth + 2 > n else n
    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check(make(stretch))))
    long_lived = make(max_depth)
    d = min_depth
    while d <= max_depth:
        iters = pow2(max_depth - d + min_depth)
        print("%d\t trees of depth %d\t check: %d" % (iters, d, sum_trees(iters, d, 0)))
        d = d + 2
    print("long lived tree of depth %d\t check: %d" % (max_depth, check(long_lived)))


main(17)
