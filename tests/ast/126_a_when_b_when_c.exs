a when b when c
