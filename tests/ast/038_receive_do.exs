receive do
  {:a, x} -> x
after
  100 -> :t
end
