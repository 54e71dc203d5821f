1 |> Kernel.+(2)
