use GenServer
