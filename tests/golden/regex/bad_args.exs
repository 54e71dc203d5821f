# Bad arguments raise Elixir's errors; a forged pattern never crashes the VM.
attempts = [
  fn -> Regex.run(%Regex{re_pattern: :foo}, "a") end,
  fn -> Regex.match?(%Regex{re_pattern: {:re_pattern, 1, 2, 3}}, "a") end,
  fn -> Regex.scan(%Regex{re_pattern: {:re_pattern, 0, 0, 0, <<1, 2, 3>>}}, "a") end,
  fn -> "a" =~ %Regex{re_pattern: :foo} end,
  fn -> Regex.run(~r/a/, :x) end,
  fn -> Regex.match?("a", "a") end,
  fn -> Regex.run(~r/a/u, <<255, ?a>>) end,
  fn -> :re.run(<<255, ?a>>, "a", [:unicode]) end,
  fn -> Regex.compile(:a) end,
  fn -> Regex.split(~r/a/, "a", parts: 0) end
]
for f <- attempts do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.inspect(e.__struct__); IO.puts(Exception.message(e))
  end
end
