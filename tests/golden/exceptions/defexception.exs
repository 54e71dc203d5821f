# A custom exception module with defexception, raised and rescued.
defmodule MyError do
  defexception message: "default message"
end
defmodule ValidationError do
  defexception [:field, message: "invalid"]
end
defmodule Main do
  def run do
    r = try do
      raise MyError
    rescue
      e in MyError -> e.message
    end
    IO.puts(r)
    r = try do
      raise MyError, "custom"
    rescue
      e in [MyError, ArgumentError] -> Exception.message(e)
    end
    IO.puts(r)
    r = try do
      raise ValidationError, field: :age
    rescue
      e in ValidationError -> {e.field, e.message}
    end
    IO.inspect(r)
  end
end
Main.run()
