a |> b when c
