try do
  1
rescue
  e in RuntimeError -> e
catch
  :exit, _ -> 2
after
  3
end
