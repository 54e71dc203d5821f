-- Twin of bench/hello.exs: start-up time.
print("Hello, world!")
