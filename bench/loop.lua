-- Twin of bench/loop.exs: tail-recursive loop (Lua has proper tail calls) of 100000000
-- iterations; prints 5000000050000000 (integer arithmetic).
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + n)
end

print(loop(100000000, 0))
