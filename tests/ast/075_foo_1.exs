foo -(1)
