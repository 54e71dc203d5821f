a = b |> c
