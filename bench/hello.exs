# Start-up time: the smallest program that loads, runs and prints.
IO.puts("Hello, world!")
