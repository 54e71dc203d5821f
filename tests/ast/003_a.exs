a
|> b
