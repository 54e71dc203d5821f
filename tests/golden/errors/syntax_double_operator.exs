# Two binary operators in a row.
x = 3 * * 4
