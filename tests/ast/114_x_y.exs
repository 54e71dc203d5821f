x ~> y
