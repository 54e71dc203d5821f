# Uncaught CaseClauseError
x = {:unexpected, 1}
IO.puts("before")
case x do
  {:ok, v} -> v
  :error -> 0
end
