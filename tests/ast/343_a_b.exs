a ~> b
