# Twin of bench/loop.exs: 100000000 iterations accumulating a sum; prints 5000000050000000.
# Python has no tail calls, so the tail-recursive loop is written as the equivalent while loop.
def loop(n, acc):
    while n != 0:
        acc = acc + n
        n = n - 1
    return acc


print(loop(100000000, 0))
