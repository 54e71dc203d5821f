# Twin of bench/fib.exs: naive recursive fib(37) = 24157817 (78176337 calls).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(37))
