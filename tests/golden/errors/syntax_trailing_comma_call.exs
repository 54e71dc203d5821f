# A trailing comma in a call.
IO.puts(1,)
