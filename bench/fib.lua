-- Twin of bench/fib.exs: naive recursive fib(37) = 24157817 (78176337 calls).
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

print(fib(37))
