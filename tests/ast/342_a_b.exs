a \\ b
