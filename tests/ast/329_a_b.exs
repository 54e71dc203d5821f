:a.b
