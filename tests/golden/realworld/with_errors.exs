# with/else error handling in a small validation pipeline
defmodule Signup do
  def validate_name(name) when is_binary(name) and byte_size(name) >= 2, do: {:ok, name}
  def validate_name(_), do: {:error, :bad_name}

  def validate_age(age) when is_integer(age) and age in 13..120, do: {:ok, age}
  def validate_age(age) when is_integer(age), do: {:error, {:age_out_of_range, age}}
  def validate_age(_), do: {:error, :age_not_integer}

  def parse_age(s) do
    case Integer.parse(s) do
      {n, ""} -> {:ok, n}
      {_, rest} -> {:error, {:trailing, rest}}
      :error -> {:error, :not_a_number}
    end
  end

  def register(params) do
    with {:ok, name} <- validate_name(params[:name]),
         {:ok, raw} <- Map.fetch(params, :age),
         {:ok, age} <- parse_age(raw),
         {:ok, age} <- validate_age(age) do
      {:ok, %{name: name, age: age}}
    else
      :error -> {:error, :missing_age}
      {:error, {:trailing, r}} -> {:error, "trailing garbage: #{inspect(r)}"}
      {:error, reason} -> {:error, reason}
    end
  end
end

inputs = [
  %{name: "Jo", age: "30"},
  %{name: "J", age: "30"},
  %{name: "Kim"},
  %{name: "Lee", age: "abc"},
  %{name: "Max", age: "12"},
  %{name: "Ola", age: "44x"},
  %{name: "Pat", age: "200"}
]
Enum.each(inputs, fn p -> IO.inspect(Signup.register(p)) end)

result =
  with {:ok, a} <- {:ok, 1},
       b = a + 1,
       true <- b > 1 do
    a + b
  end
IO.inspect(result)
IO.inspect(with {:ok, x} <- {:error, :nope}, do: x)
IO.inspect(with x when x > 5 <- 3, do: x)
