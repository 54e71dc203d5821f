# Erlang's :queue module (the original API), with the same {rear, front} representation and
# the same balancing as OTP's queue.erl, so queues inspect exactly as on BEAM. Calls to
# :queue.f reach this module through the VM's Erlang stand-in rule (`:queue` ->
# Ember.Erlang.Queue, vm/vm.c).
defmodule Ember.Erlang.Queue do
  def new, do: {[], []}

  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false

  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)

  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ Enum.reverse(r)

  def from_list(l) when is_list(l), do: f2r(l)

  def member(x, {r, f}) when is_list(r) and is_list(f), do: Enum.member?(r, x) or Enum.member?(f, x)

  # :queue.in/2 (appending at the rear) is a C built-in (vm/bi_queue.c): `in` cannot be
  # defined as an Elixir function name.

  # Prepends at the front.
  def in_r(x, {[], [_] = f}), do: {f, [x]}
  def in_r(x, {r, f}) when is_list(r) and is_list(f), do: {r, [x | f]}

  # Takes from the front.
  def out({[], []} = q), do: {:empty, q}
  def out({[v], []}), do: {{:value, v}, {[], []}}

  def out({[y | r], []}) do
    [v | f] = Enum.reverse(r)
    {{:value, v}, {[y], f}}
  end

  def out({r, [v]}) when is_list(r), do: {{:value, v}, r2f(r)}
  def out({r, [v | f]}) when is_list(r), do: {{:value, v}, {r, f}}

  # Takes from the rear.
  def out_r({[], []} = q), do: {:empty, q}
  def out_r({[], [v]}), do: {{:value, v}, {[], []}}

  def out_r({[], [y | f]}) do
    [v | r] = Enum.reverse(f)
    {{:value, v}, {r, [y]}}
  end

  def out_r({[v], f}) when is_list(f), do: {{:value, v}, f2r(f)}
  def out_r({[v | r], f}) when is_list(f), do: {{:value, v}, {r, f}}

  def peek({[], []}), do: :empty
  def peek({r, [h | _]}) when is_list(r), do: {:value, h}
  def peek({[h], []}), do: {:value, h}
  def peek({[_ | r], []}), do: {:value, List.last(r)}

  def peek_r({[], []}), do: :empty
  def peek_r({[h | _], f}) when is_list(f), do: {:value, h}
  def peek_r({[], [h]}), do: {:value, h}
  def peek_r({[], [_ | f]}), do: {:value, List.last(f)}

  def get(q) do
    case peek(q) do
      {:value, v} -> v
      :empty -> raise ArgumentError, "argument error"
    end
  end

  def head(q), do: get(q)

  def drop(q) do
    case out(q) do
      {{:value, _}, q2} -> q2
      {:empty, _} -> raise ArgumentError, "argument error"
    end
  end

  def tail(q), do: drop(q)

  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}

  def join({r, f} = q, {[], []}) when is_list(r) and is_list(f), do: q
  def join({[], []}, {r, f} = q) when is_list(r) and is_list(f), do: q
  def join({r1, f1}, {r2, f2}), do: {r2 ++ Enum.reverse(f2) ++ r1, f1}

  def filter(fun, q) do
    from_list(Enum.flat_map(to_list(q), fn x ->
      case fun.(x) do
        true -> [x]
        false -> []
        list when is_list(list) -> list
      end
    end))
  end

  def split(n, q) do
    {a, b} = Enum.split(to_list(q), n)
    {from_list(a), from_list(b)}
  end

  # Rear list -> balanced queue, and front list -> balanced queue (queue.erl's r2f/f2r).
  defp r2f([]), do: {[], []}
  defp r2f([_] = r), do: {[], r}
  defp r2f([y, x]), do: {[y], [x]}

  defp r2f(list) do
    {rr, ff} = Enum.split(list, div(length(list), 2))
    {rr, Enum.reverse(ff)}
  end

  defp f2r([]), do: {[], []}
  defp f2r([_] = f), do: {f, []}
  defp f2r([x, y]), do: {[y], [x]}

  defp f2r(list) do
    {ff, rr} = Enum.split(list, div(length(list), 2))
    {Enum.reverse(rr), ff}
  end
end
