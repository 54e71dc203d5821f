x |> y.z
