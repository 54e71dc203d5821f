# A closing bracket where an expression is expected.
x = ]
