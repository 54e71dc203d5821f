spawn(fn -> send(self(), :hi) end)
