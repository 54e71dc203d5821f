# Updating a missing key with %{map | key: v} raises KeyError.
m = %{a: 1}
IO.inspect(%{m | a: 2})
IO.inspect(%{m | b: 2})
