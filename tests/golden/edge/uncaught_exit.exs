# Uncaught exit
IO.puts("before exit")
exit(:shutdown_reason)
