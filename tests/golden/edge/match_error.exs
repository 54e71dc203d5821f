# Uncaught MatchError with a nested term
IO.puts("start")
{:ok, [a, b]} = {:ok, [1, 2, 3]}
IO.inspect({a, b})
