x = fn -> :ok end.()
