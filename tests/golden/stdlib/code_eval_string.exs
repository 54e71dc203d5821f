# Code.eval_string/1,2: values, bindings in and out (compared sorted), closures, errors raised
# by the evaluated code, and a multi-line string that defines a module.
IO.inspect(Code.eval_string("1 + 2"))
IO.inspect(Code.eval_string(":ok"))
IO.inspect(Code.eval_string("[1, 2, 3] |> Enum.map(&(&1 * 2))"))
IO.inspect(Code.eval_string("x * 2", x: 21))
IO.inspect(Code.eval_string("a = a + 1", a: 10))
IO.inspect(Code.eval_string("\"s: \" <> s", s: "ok"))
IO.inspect(Code.eval_string("_ = 5; w = 4"))
IO.inspect(Code.eval_string("[1, 2] |> Enum.map(&(&1 * k))", k: 10))

{value, binding} = Code.eval_string("c = a * 2; d = c + b", a: 5, b: 7)
IO.inspect(value, label: "value")
IO.inspect(Enum.sort(binding), label: "sorted binding")
IO.inspect(Keyword.get(binding, :d), label: "d")

{fun, _} = Code.eval_string("fn z -> z + k end", k: 1000)
IO.inspect(fun.(1), label: "closure over binding")
IO.inspect(Enum.map(1..3, fun), label: "mapped")

{value, binding} =
  Code.eval_string("""
  case {n, rem(n, 2)} do
    {0, _} -> :zero
    {_, 0} -> :even
    _ -> :odd
  end
  """, n: 7)
IO.inspect({value, binding}, label: "case")

{value, binding} =
  Code.eval_string(
    """
    defmodule EvalDefined do
      @greeting "hello"
      def greet(name), do: "\#{@greeting}, \#{name}"
      def twice(f, x), do: f.(f.(x))
    end

    EvalDefined.greet(who)
    """,
    who: "eval"
  )
IO.inspect({value, binding}, label: "defmodule in eval")
IO.inspect(EvalDefined.greet("script"))
IO.inspect(EvalDefined.twice(&(&1 * 3), 2))

try do
  Code.eval_string("raise ArgumentError, \"boom\"")
rescue
  e -> IO.inspect(e, label: "raised inside eval")
end

try do
  Code.eval_string("1 / x", x: 0)
rescue
  e in ArithmeticError -> IO.puts("ArithmeticError: " <> Exception.message(e))
end

try do
  Code.eval_string("throw({:thrown, v})", v: 1)
catch
  :throw, value -> IO.inspect(value, label: "thrown from eval")
end

try do
  Code.eval_string("undefined_thing + 1")
rescue
  e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
end
