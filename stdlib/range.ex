# Range for Ember: ranges are %Range{first, last, step} maps built by the compiler for
# first..last//step; this module builds and measures them. Enumeration is in Enum.
defmodule Range do
  # The struct template (what defstruct first: nil, last: nil, step: nil would generate).
  def __struct__, do: %{__struct__: Range, first: nil, last: nil, step: nil}

  def new(first, last) when is_integer(first) and is_integer(last) do
    step = if first <= last, do: 1, else: -1
    %{__struct__: Range, first: first, last: last, step: step}
  end

  def new(first, last, step)
      when is_integer(first) and is_integer(last) and is_integer(step) and step != 0 do
    %{__struct__: Range, first: first, last: last, step: step}
  end

  def new(first, last, step) do
    raise ArgumentError,
          "ranges (first..last//step) expect both sides to be integers and the step to be a " <>
            "non-zero integer, got: " <>
            inspect(first) <> ".." <> inspect(last) <> "//" <> inspect(step)
  end

  def size(%{__struct__: Range, first: first, last: last, step: step}) do
    cond do
      step > 0 and first > last -> 0
      step < 0 and first < last -> 0
      true -> div(last - first, step) + 1
    end
  end

  def disjoint?(range1, range2) do
    Enum.empty?(range1) or Enum.empty?(range2) or no_overlap?(range1, range2)
  end

  defp no_overlap?(range1, range2) do
    {lo1, hi1} = bounds(range1)
    {lo2, hi2} = bounds(range2)
    hi1 < lo2 or hi2 < lo1 or not shares_element?(range1, range2)
  end

  defp bounds(%{__struct__: Range, first: first, last: last, step: step}) do
    last = first + (size(%{__struct__: Range, first: first, last: last, step: step}) - 1) * step
    if first <= last, do: {first, last}, else: {last, first}
  end

  defp shares_element?(range1, range2) do
    Enum.any?(range1, fn x -> Enum.member?(range2, x) end)
  end

  def shift(%{__struct__: Range, first: first, last: last, step: step}, steps)
      when is_integer(steps) do
    %{__struct__: Range, first: first + steps * step, last: last + steps * step, step: step}
  end
end
