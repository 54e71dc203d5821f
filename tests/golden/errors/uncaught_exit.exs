# An uncaught exit terminates with ** (exit).
IO.puts("exiting")
exit(:goodbye)
