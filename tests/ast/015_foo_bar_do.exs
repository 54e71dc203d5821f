foo bar do
  1
else
  2
end
