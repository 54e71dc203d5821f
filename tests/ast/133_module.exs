%__MODULE__{}
