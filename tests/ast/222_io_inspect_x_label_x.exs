IO.inspect(x, label: "x")
