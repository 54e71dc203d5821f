receive do
  {:msg, from} when is_pid(from) -> :ok
after
  1_000 -> :timeout
end
