-- Twin of bench/binary_trees.exs: benchmarks-game binary-trees, max depth 17.
-- A tree is a 2-element table {left, right}; a leaf is {} -- the Lua value of {nil, nil}
-- (nil fields do not exist in Lua; writing {nil, nil} would only pre-size a useless array).
local function make(d)
  if d == 0 then return {} end
  return {make(d - 1), make(d - 1)}
end

local function check(t)
  local l = t[1]
  if not l then return 1 end
  return 1 + check(l) + check(t[2])
end

local function pow2(n)
  if n == 0 then return 1 end
  return 2 * pow2(n - 1)
end

local function sum_trees(iters, d, acc)
  if iters == 0 then return acc end
  return sum_trees(iters - 1, d, acc + check(make(d)))
end

local function main(n)
  local min_depth = 4
  local max_depth = n
  if min_depth + 2 > n then max_depth = min_depth + 2 end
  local stretch = max_depth + 1
  print(string.format("stretch tree of depth %d\t check: %d", stretch, check(make(stretch))))
  local long_lived = make(max_depth)
  local d = min_depth
  while d <= max_depth do
    local iters = pow2(max_depth - d + min_depth)
    print(string.format("%d\t trees of depth %d\t check: %d", iters, d, sum_trees(iters, d, 0)))
    d = d + 2
  end
  print(string.format("long lived tree of depth %d\t check: %d", max_depth, check(long_lived)))
end

main(17)
