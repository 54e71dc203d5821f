# System.halt ends the program at once: output written before it is kept, other processes and
# the statements after it never run.
IO.puts("before")
spawn(fn -> Process.sleep(5000); IO.puts("never printed") end)
Enum.each(1..3, &IO.puts/1)
System.halt()
IO.puts("after")
