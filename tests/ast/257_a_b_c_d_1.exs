A.B.C.d(1)
