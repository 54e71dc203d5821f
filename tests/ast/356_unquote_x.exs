unquote(x)
