for <<c <- "abc">>, into: "", do: <<c + 1>>
