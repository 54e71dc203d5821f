:A
