receive do
  msg -> msg
end
