quote do: x
