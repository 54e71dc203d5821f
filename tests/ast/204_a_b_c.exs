a <> b <> c
