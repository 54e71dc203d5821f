# try/else runs on success; rescue and catch in one try.
f = fn x ->
  try do
    100 / x
  rescue
    ArithmeticError -> :div_by_zero
  else
    y when y > 10 -> {:big, y}
    y -> {:small, y}
  end
end
IO.inspect(f.(2))
IO.inspect(f.(50))
IO.inspect(f.(0))
g = fn action ->
  try do
    action.()
  rescue
    e in RuntimeError -> {:rescued, e.message}
  catch
    :throw, v -> {:thrown, v}
    :exit, v -> {:exited, v}
  end
end
IO.inspect(g.(fn -> raise "r" end))
IO.inspect(g.(fn -> throw(:t) end))
IO.inspect(g.(fn -> exit(:e) end))
IO.inspect(g.(fn -> :fine end))
