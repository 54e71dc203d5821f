a |> b |> c
