# The :lists functions that take a function argument, written in Ember (the others are C
# built-ins, vm/bi_lists.c). A call to :lists.foldl/3 finds this module through the VM's
# Erlang stand-in rule (vm/vm.c: :lists -> Ember.Erlang.Lists).
defmodule Ember.Erlang.Lists do
  def foldl(fun, acc, [h | t]), do: foldl(fun, fun.(h, acc), t)
  def foldl(_fun, acc, []), do: acc

  def foldr(fun, acc, list), do: foldl(fun, acc, :lists.reverse(list))

  def map(fun, list), do: for(x <- list, do: fun.(x))

  def filter(pred, list), do: for(x <- list, pred.(x), do: x)

  def foreach(fun, [h | t]) do
    fun.(h)
    foreach(fun, t)
  end

  def foreach(_fun, []), do: :ok

  def all(pred, [h | t]), do: if(pred.(h), do: all(pred, t), else: false)
  def all(_pred, []), do: true

  def any(pred, [h | t]), do: if(pred.(h), do: true, else: any(pred, t))
  def any(_pred, []), do: false

  def flatmap(fun, list), do: Enum.flat_map(list, fun)

  def takewhile(pred, [h | t]), do: if(pred.(h), do: [h | takewhile(pred, t)], else: [])
  def takewhile(_pred, []), do: []

  def dropwhile(pred, [h | t] = list), do: if(pred.(h), do: dropwhile(pred, t), else: list)
  def dropwhile(_pred, []), do: []

  def partition(pred, list), do: Enum.split_with(list, pred)

  def mapfoldl(fun, acc, list), do: Enum.map_reduce(list, acc, fun)

  def keymap(fun, n, list), do: for(t <- list, do: :erlang.setelement(n, t, fun.(elem(t, n - 1))))

  def sort(fun, list), do: Enum.sort(list, fun)
end
