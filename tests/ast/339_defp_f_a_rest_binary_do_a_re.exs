defp f(<<a, rest::binary>>), do: {a, rest}
