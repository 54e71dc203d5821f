a <~> b
