a
when b
