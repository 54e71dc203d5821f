Enum.each([1, 2], fn x ->
  IO.puts(x)
end)
