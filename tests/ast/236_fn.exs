fn
  {:a, x} -> x
  {:b, y} -> y
end
