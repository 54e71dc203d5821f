# List for Ember: the functions that take a function argument. Everything else in List is a C
# built-in (vm/bi_list.c, builtins.def), called here with the List. prefix.
defmodule List do
  def foldl(list, acc, fun) when is_list(list) and is_function(fun, 2) do
    foldl_list(list, acc, fun)
  end

  defp foldl_list([], acc, _fun), do: acc
  defp foldl_list([x | rest], acc, fun), do: foldl_list(rest, fun.(x, acc), fun)

  def foldr(list, acc, fun) when is_list(list) and is_function(fun, 2) do
    foldl_list(:lists.reverse(list), acc, fun)
  end

  def update_at(list, index, fun) when is_list(list) and is_integer(index) do
    n = length(list)
    i = if index < 0, do: n + index, else: index

    if i < 0 or i >= n do
      list
    else
      {front, [x | rest]} = :lists.split(i, list)
      :lists.reverse(:lists.reverse(front), [fun.(x) | rest])
    end
  end
end
