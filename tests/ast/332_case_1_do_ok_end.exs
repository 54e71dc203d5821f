case 1 do _ -> :ok end
