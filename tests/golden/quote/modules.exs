# quote inside a module: the module is the variables' context, aliases are annotated.
defmodule QuoteHelper do
  alias Foo.Bar, as: Baz

  def plain, do: quote(do: x + y)
  def aliased, do: quote(do: Baz.go(Bar))
  def with_arg(v), do: quote(do: unquote(v) * unquote(v))
  def kw(opts), do: quote(do: f(unquote_splicing(opts)))
  def defs do
    quote do
      def unquote(:name)(a) when a > 0 do
        a + 1
      end
    end
  end

  def fun_name(n), do: quote(do: Kernel.unquote(n)(1, 2))
  def no_parens(n), do: quote(do: Map.unquote(n))
end

IO.inspect(QuoteHelper.plain())
IO.inspect(QuoteHelper.aliased())
IO.inspect(QuoteHelper.with_arg(3))
IO.inspect(QuoteHelper.with_arg({:x, [], nil}))
IO.inspect(QuoteHelper.kw([1, [a: 2]]))
IO.inspect(QuoteHelper.defs())
IO.inspect(QuoteHelper.fun_name(:+))
IO.inspect(QuoteHelper.no_parens(:new))
