a
.b
