if x != nil and y do
  :a
else
  :b
end
