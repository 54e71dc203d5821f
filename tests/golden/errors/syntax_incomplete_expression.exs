# A binary operator at the end of the file leaves the expression incomplete.
IO.puts("never runs")
x = 1 +
