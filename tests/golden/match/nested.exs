# Deeply nested patterns across tuples, lists and maps.
data = {:user, %{name: "ann", roles: [:admin, :dev]}, [{:login, 3}, {:logout, 1}]}
{:user, %{name: name, roles: [first_role | _]}, [{_, count} | rest]} = data
IO.inspect({name, first_role, count, rest})
[[a, b], [c | d]] = [[1, 2], [3, 4, 5]]
IO.inspect({a, b, c, d})
{{x}, {{y}}} = {{:x}, {{:y}}}
IO.inspect([x, y])
%{outer: %{inner: %{value: deep}}} = %{outer: %{inner: %{value: 42, other: 0}}}
IO.inspect(deep)
