send(pid, {:msg, self()})
