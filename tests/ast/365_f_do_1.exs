f do: 1
