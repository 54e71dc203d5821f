# The golden runner gives stdin /dev/null: every read sees end of input.
IO.inspect(IO.gets("name? "))
IO.inspect(IO.read(:line))
IO.inspect(IO.read(:eof))
IO.inspect(IO.read(:stdio, 5))
IO.inspect(IO.read(:stdio, :line))
