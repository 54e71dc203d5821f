# Stream for Ember: lazy enumerables with Elixir 1.14's observable behaviour (the same
# elements, the same order of side effects, the same early halts). A %Stream{} holds a source
# enumerable and a list of stages (newest first); each stage is a function from the
# downstream reducer to its own reducer. Enumeration (Stream.__reduce__/3, called by
# Enumerable.reduce/3) composes them and threads one accumulator list
# [user_acc, stage_state...] through the chain: a stateful stage pops its own state (the
# second element) before calling downstream and pushes it back afterwards. At most the last
# stage may have a `done` callback (chunking's leftover), run when the source ends or halts.
# Sources (unfold, iterate, cycle, resource, transform, zip) are functions of arity 2 that
# follow the Enumerable reduce contract themselves, suspending a source to pull one element
# at a time where needed.
defmodule Stream do
  defstruct enum: nil, funs: [], accs: [], done: nil

  # ==== Enumeration ====

  @doc false
  def __reduce__(%Stream{enum: enum, funs: funs, accs: accs, done: done}, command, fun) do
    last = fn x, [acc] ->
      {next, acc} = fun.(x, acc)
      {next, [acc]}
    end

    composed = compose(funs, last)
    source = fn next -> Enumerable.reduce(enum, next, composed) end
    run_stages(source, done && {done, last}, :lists.reverse(accs), command)
  end

  # [funs] is newest first, so the oldest stage ends up outermost (it sees elements first).
  defp compose([], down), do: down
  defp compose([stage | rest], down), do: compose(rest, stage.(down))

  defp run_stages(source, done, accs, {command, acc}) do
    case source.({command, [acc | accs]}) do
      {:suspended, [acc | accs], more} ->
        {:suspended, acc, fn next -> run_stages(more, done, accs, next) end}

      {reason, all} ->
        finish_stages(reason, all, done)
    end
  end

  defp finish_stages(reason, [acc | _], nil), do: {reason, acc}

  defp finish_stages(reason, [acc | states], {done, last}) do
    case done.([acc, List.last(states)], last) do
      {:cont, [acc | _]} -> {reason, acc}
      {:halt, [acc | _]} -> {:halted, acc}
      {:suspend, [acc | _]} -> {:suspended, acc, fn next -> {:done, elem(next, 1)} end}
    end
  end

  # Adds a stage to [enum] (a new stream unless it is a stream without a done callback).
  defp lazy(%Stream{done: nil, funs: funs} = stream, stage), do: %{stream | funs: [stage | funs]}
  defp lazy(enum, stage), do: %Stream{enum: enum, funs: [stage]}

  defp lazy(%Stream{done: nil, funs: funs, accs: accs} = stream, state, stage) do
    %{stream | funs: [stage | funs], accs: [state | accs]}
  end

  defp lazy(enum, state, stage), do: %Stream{enum: enum, funs: [stage], accs: [state]}

  defp lazy(%Stream{done: nil, funs: funs, accs: accs} = stream, state, stage, done) do
    %{stream | funs: [stage | funs], accs: [state | accs], done: done}
  end

  defp lazy(enum, state, stage, done) do
    %Stream{enum: enum, funs: [stage], accs: [state], done: done}
  end

  # Passes [x] downstream with this stage's state set aside, then puts [state] back.
  defp push(down, x, head, state, tail) do
    {next, [head | tail]} = down.(x, [head | tail])
    {next, [head, state | tail]}
  end

  # ==== Stateless stages ====

  def map(enum, fun) when is_function(fun, 1) do
    lazy(enum, fn down -> fn x, acc -> down.(fun.(x), acc) end end)
  end

  def filter(enum, fun) when is_function(fun, 1) do
    lazy(enum, fn down ->
      fn x, acc -> if fun.(x), do: down.(x, acc), else: {:cont, acc} end
    end)
  end

  def reject(enum, fun) when is_function(fun, 1) do
    lazy(enum, fn down ->
      fn x, acc -> if fun.(x), do: {:cont, acc}, else: down.(x, acc) end
    end)
  end

  def each(enum, fun) when is_function(fun, 1) do
    lazy(enum, fn down ->
      fn x, acc ->
        fun.(x)
        down.(x, acc)
      end
    end)
  end

  def take_while(enum, fun) when is_function(fun, 1) do
    lazy(enum, fn down ->
      fn x, acc -> if fun.(x), do: down.(x, acc), else: {:halt, acc} end
    end)
  end

  # ==== Stateful stages ====

  def take(enum, count) when is_integer(count), do: take_count(enum, count)

  defp take_count(_enum, 0), do: %Stream{enum: []}
  defp take_count([], _count), do: %Stream{enum: []}

  defp take_count(enum, count) when count > 0 do
    lazy(enum, count, fn down ->
      fn x, [head, left | tail] = acc ->
        case left do
          0 -> {:halt, acc}
          1 -> halt_after(push(down, x, head, 0, tail))
          _ -> push(down, x, head, left - 1, tail)
        end
      end
    end)
  end

  defp take_count(enum, count) do
    fn command, fun -> Enumerable.reduce(Enum.take(enum, count), command, fun) end
  end

  defp halt_after({:cont, acc}), do: {:halt, acc}
  defp halt_after(other), do: other

  def drop(enum, count) when is_integer(count) and count >= 0 do
    lazy(enum, count, fn down ->
      fn
        _x, [head, left | tail] when left > 0 -> {:cont, [head, left - 1 | tail]}
        x, [head, left | tail] -> push(down, x, head, left, tail)
      end
    end)
  end

  # Drops the last -count elements: each element is held back until count more have come.
  def drop(enum, count) when is_integer(count) do
    n = -count

    lazy(enum, {:queue.new(), 0}, fn down ->
      fn x, [head, {queue, size} | tail] ->
        queue = :queue.in(x, queue)

        if size < n do
          {:cont, [head, {queue, size + 1} | tail]}
        else
          {{:value, out}, queue} = :queue.out(queue)
          push(down, out, head, {queue, size}, tail)
        end
      end
    end)
  end

  def drop_while(enum, fun) when is_function(fun, 1) do
    lazy(enum, true, fn down ->
      fn x, [head, dropping | tail] = acc ->
        if dropping && fun.(x), do: {:cont, acc}, else: push(down, x, head, false, tail)
      end
    end)
  end

  def with_index(enum, offset \\ 0) when is_integer(offset) do
    lazy(enum, offset, fn down ->
      fn x, [head, i | tail] -> push(down, {x, i}, head, i + 1, tail) end
    end)
  end

  def dedup(enum), do: dedup_by(enum, fn x -> x end)

  def dedup_by(enum, fun) when is_function(fun, 1) do
    lazy(enum, nil, fn down ->
      fn x, [head, prev | tail] = acc ->
        key = fun.(x)

        case prev do
          {:value, seen} when seen === key -> {:cont, acc}
          _ -> push(down, x, head, {:value, key}, tail)
        end
      end
    end)
  end

  def uniq(enum), do: uniq_by(enum, fn x -> x end)

  def uniq_by(enum, fun) when is_function(fun, 1) do
    lazy(enum, %{}, fn down ->
      fn x, [head, seen | tail] = acc ->
        key = fun.(x)

        if Map.has_key?(seen, key) do
          {:cont, acc}
        else
          push(down, x, head, Map.put(seen, key, true), tail)
        end
      end
    end)
  end

  def scan(enum, fun) when is_function(fun, 2) do
    lazy(enum, :first, fn down ->
      fn
        x, [head, :first | tail] ->
          push(down, x, head, {:ok, x}, tail)

        x, [head, {:ok, acc} | tail] ->
          value = fun.(x, acc)
          push(down, value, head, {:ok, value}, tail)
      end
    end)
  end

  def scan(enum, acc, fun) when is_function(fun, 2) do
    lazy(enum, acc, fn down ->
      fn x, [head, acc | tail] ->
        value = fun.(x, acc)
        push(down, value, head, value, tail)
      end
    end)
  end

  # map_every, take_every and drop_every count from nth down the stream: the state is the
  # position since the last selected element, nth for the first.
  def map_every(enum, nth, fun) when is_integer(nth) and nth >= 0 and is_function(fun, 1) do
    case {enum, nth} do
      {_, 1} -> map(enum, fun)
      {_, 0} -> %Stream{enum: enum}
      {[], _} -> %Stream{enum: []}
      _ -> lazy(enum, nth, every_stage(nth, fn x -> {:emit, fun.(x)} end, fn x -> {:emit, x} end))
    end
  end

  def take_every(enum, nth) when is_integer(nth) and nth >= 0 do
    case {enum, nth} do
      {_, 0} -> %Stream{enum: []}
      {[], _} -> %Stream{enum: []}
      _ -> lazy(enum, nth, every_stage(nth, fn x -> {:emit, x} end, fn _ -> :skip end))
    end
  end

  def drop_every(enum, nth) when is_integer(nth) and nth >= 0 do
    case {enum, nth} do
      {_, 0} -> %Stream{enum: enum}
      {[], _} -> %Stream{enum: []}
      _ -> lazy(enum, nth, every_stage(nth, fn _ -> :skip end, fn x -> {:emit, x} end))
    end
  end

  defp every_stage(nth, selected, other) do
    fn down ->
      fn x, [head, n | tail] ->
        {result, n} = if n === nth, do: {selected.(x), 1}, else: {other.(x), n + 1}

        case result do
          {:emit, y} -> push(down, y, head, n, tail)
          :skip -> {:cont, [head, n | tail]}
        end
      end
    end
  end

  # ==== Chunking ====

  def chunk_while(enum, acc, chunk_fun, after_fun)
      when is_function(chunk_fun, 2) and is_function(after_fun, 1) do
    stage = fn down ->
      fn x, [head, {acc, after_fun} | tail] ->
        case chunk_fun.(x, acc) do
          {:cont, chunk, acc} ->
            # Once downstream halts, the leftover chunk must not be emitted any more.
            case down.(chunk, [head | tail]) do
              {:halt, [head | tail]} -> {:halt, [head, {acc, nil} | tail]}
              {next, [head | tail]} -> {next, [head, {acc, after_fun} | tail]}
            end

          {:cont, acc} ->
            {:cont, [head, {acc, after_fun} | tail]}

          {:halt, acc} ->
            {:halt, [head, {acc, after_fun} | tail]}
        end
      end
    end

    lazy(enum, {acc, after_fun}, stage, &chunk_done/2)
  end

  defp chunk_done([_head, {_acc, nil}] = accs, _down), do: {:cont, accs}

  defp chunk_done([head, {acc, after_fun}], down) do
    case after_fun.(acc) do
      {:cont, chunk, acc} -> push(down, chunk, head, {acc, after_fun}, [])
      {:cont, acc} -> {:cont, [head, {acc, after_fun}]}
    end
  end

  def chunk_every(enum, count), do: chunk_every(enum, count, count, [])

  def chunk_every(enum, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    limit = Kernel.max(count, step)

    chunk_fun = fn x, {buffer, n} ->
      buffer = [x | buffer]
      n = n + 1
      state = if n >= limit, do: {Enum.take(buffer, n - step), n - step}, else: {buffer, n}
      if n == count, do: {:cont, :lists.reverse(buffer), state}, else: {:cont, state}
    end

    after_fun = fn {buffer, n} ->
      if leftover == :discard or n == 0 or n >= count do
        {:cont, []}
      else
        {:cont, :lists.reverse(buffer, Enum.take(leftover, count - n)), []}
      end
    end

    chunk_while(enum, {[], 0}, chunk_fun, after_fun)
  end

  def chunk_by(enum, fun) when is_function(fun, 1) do
    chunk_fun = fn x, acc ->
      key = fun.(x)

      case acc do
        {buffer, prev} when prev === key -> {:cont, {[x | buffer], key}}
        {buffer, _} -> {:cont, :lists.reverse(buffer), {[x], key}}
        nil -> {:cont, {[x], key}}
      end
    end

    after_fun = fn
      nil -> {:cont, nil}
      {buffer, _} -> {:cont, :lists.reverse(buffer), nil}
    end

    chunk_while(enum, nil, chunk_fun, after_fun)
  end

  # ==== transform, flat_map, concat, intersperse ====

  def transform(enum, acc, reducer) when is_function(reducer, 2) do
    funs = {reducer, nil, nil}
    fn command, fun -> transform_start(enum, acc, funs, command, fun) end
  end

  def transform(enum, start_fun, reducer, after_fun)
      when is_function(start_fun, 0) and is_function(reducer, 2) and is_function(after_fun, 1) do
    funs = {reducer, nil, after_fun}
    fn command, fun -> transform_start(enum, start_fun.(), funs, command, fun) end
  end

  def transform(enum, start_fun, reducer, last_fun, after_fun)
      when is_function(start_fun, 0) and is_function(reducer, 2) and is_function(last_fun, 1) and
             is_function(after_fun, 1) do
    funs = {reducer, last_fun, after_fun}
    fn command, fun -> transform_start(enum, start_fun.(), funs, command, fun) end
  end

  def flat_map(enum, mapper) when is_function(mapper, 1) do
    transform(enum, nil, fn x, nil -> {mapper.(x), nil} end)
  end

  def concat(enums), do: flat_map(enums, fn enum -> enum end)
  def concat(first, second), do: flat_map([first, second], fn enum -> enum end)

  def intersperse(enum, separator) do
    transform(enum, false, fn
      x, true -> {[separator, x], true}
      x, false -> {[x], true}
    end)
  end

  # The source is pulled one element at a time: its reducer suspends after each element.
  # [src] is the continuation, :last once the source is exhausted (last_fun still to run)
  # or :finished.
  defp transform_start(enum, user_acc, funs, command, fun) do
    step = fn x, acc -> {:suspend, [x | acc]} end
    source = fn next -> Enumerable.reduce(enum, next, step) end
    transform_next(user_acc, source, command, fun, funs)
  end

  defp transform_next(user_acc, src, {:halt, acc}, _fun, funs) do
    transform_close(src, user_acc, funs)
    {:halted, acc}
  end

  defp transform_next(user_acc, src, {:suspend, acc}, fun, funs) do
    {:suspended, acc, fn next -> transform_next(user_acc, src, next, fun, funs) end}
  end

  defp transform_next(user_acc, src, {:cont, acc}, fun, funs) when is_function(src, 1) do
    case guarded(fn -> src.({:cont, []}) end, :finished, user_acc, funs) do
      {:suspended, [x], src} -> transform_user([x], user_acc, src, acc, fun, funs)
      {_, xs} -> transform_user(:lists.reverse(xs), user_acc, :last, acc, fun, funs)
    end
  end

  defp transform_next(user_acc, :last, {:cont, acc}, fun, {_, last_fun, _} = funs)
       when is_function(last_fun, 1) do
    result = guarded(fn -> last_fun.(user_acc) end, :finished, user_acc, funs)
    transform_result(result, [], :finished, acc, fun, funs)
  end

  defp transform_next(user_acc, _src, {:cont, acc}, _fun, funs) do
    transform_close(:finished, user_acc, funs)
    {:done, acc}
  end

  defp transform_user([], user_acc, src, acc, fun, funs) do
    transform_next(user_acc, src, {:cont, acc}, fun, funs)
  end

  defp transform_user([x | xs], user_acc, src, acc, fun, {reducer, _, _} = funs) do
    result = guarded(fn -> reducer.(x, user_acc) end, src, user_acc, funs)
    transform_result(result, xs, src, acc, fun, funs)
  end

  defp transform_result({:halt, user_acc}, _xs, src, acc, _fun, funs) do
    transform_close(src, user_acc, funs)
    {:halted, acc}
  end

  defp transform_result({list, user_acc}, xs, src, acc, fun, funs) when is_list(list) do
    more = fn next -> Enumerable.reduce(list, next, fun) end
    transform_list(more, xs, user_acc, src, {:cont, acc}, fun, funs)
  end

  defp transform_result({enum, user_acc}, xs, src, acc, fun, funs) do
    more = fn next -> Enumerable.reduce(enum, next, tag_inner(fun)) end
    transform_enum(more, xs, user_acc, src, {:cont, acc}, fun, funs)
  end

  defp transform_list(more, xs, user_acc, src, command, fun, funs) do
    case guarded(fn -> more.(command) end, src, user_acc, funs) do
      {:done, acc} ->
        transform_user(xs, user_acc, src, acc, fun, funs)

      {:halted, acc} ->
        transform_close(src, user_acc, funs)
        {:halted, acc}

      {:suspended, acc, more} ->
        {:suspended, acc, fn next -> transform_list(more, xs, user_acc, src, next, fun, funs) end}
    end
  end

  defp transform_enum(more, xs, user_acc, src, {op, acc}, fun, funs) do
    case guarded(fn -> more.({op, {:outer, acc}}) end, src, user_acc, funs) do
      # The inner enumerable stopped by itself: go on with the next source element.
      {:halted, {:outer, acc}} when op != :halt ->
        transform_user(xs, user_acc, src, acc, fun, funs)

      {:halted, {_, acc}} ->
        transform_close(src, user_acc, funs)
        {:halted, acc}

      {:done, {_, acc}} ->
        transform_user(xs, user_acc, src, acc, fun, funs)

      {:suspended, {_, acc}, more} ->
        {:suspended, acc, fn next -> transform_enum(more, xs, user_acc, src, next, fun, funs) end}
    end
  end

  # Wraps the downstream reducer so that a halt coming from downstream can be told apart
  # from an inner enumerable that halts by itself (a transform inside a flat_map).
  defp tag_inner(fun) do
    fn x, {:outer, acc} ->
      case fun.(x, acc) do
        {:halt, acc} -> {:halt, {:inner, acc}}
        {next, acc} -> {next, {:outer, acc}}
      end
    end
  end

  defp transform_close(src, user_acc, {_, _, after_fun}) do
    if is_function(src, 1), do: src.({:halt, []})
    if after_fun, do: after_fun.(user_acc)
    :ok
  end

  # Runs [body]; if it raises, throws or exits, closes the source and runs after_fun first.
  defp guarded(body, _src, _user_acc, {_, _, nil}), do: body.()

  defp guarded(body, src, user_acc, funs) do
    try do
      body.()
    rescue
      error ->
        transform_close(src, user_acc, funs)
        reraise error, __STACKTRACE__
    catch
      :throw, value ->
        transform_close(src, user_acc, funs)
        throw(value)

      :exit, reason ->
        transform_close(src, user_acc, funs)
        exit(reason)
    end
  end

  # ==== Zipping ====

  def zip(enum1, enum2), do: zip_with([enum1, enum2], fn [a, b] -> {a, b} end)

  def zip(enums), do: zip_with(enums, fn items -> List.to_tuple(items) end)

  def zip_with(enum1, enum2, fun) when is_function(fun, 2) do
    zip_with([enum1, enum2], fn [a, b] -> fun.(a, b) end)
  end

  def zip_with(enums, fun) when is_function(fun, 1) do
    fn command, reducer ->
      step = fn x, acc -> {:suspend, [x | acc]} end

      sources =
        Enum.map(enums, fn enum -> {fn next -> Enumerable.reduce(enum, next, step) end, []} end)

      zip_next(sources, command, reducer, fun)
    end
  end

  defp zip_next(sources, {:halt, acc}, _reducer, _fun) do
    zip_close(sources)
    {:halted, acc}
  end

  defp zip_next(sources, {:suspend, acc}, reducer, fun) do
    {:suspended, acc, fn next -> zip_next(sources, next, reducer, fun) end}
  end

  defp zip_next([], {:cont, acc}, _reducer, _fun), do: {:done, acc}

  defp zip_next(sources, {:cont, acc}, reducer, fun) do
    case zip_pull(sources, [], []) do
      {:ok, items, sources} -> zip_next(sources, reducer.(fun.(items), acc), reducer, fun)
      :done -> {:done, acc}
    end
  end

  # Takes one element from each source in order. A source is {continuation, buffered} while
  # it is suspended, {:ended, buffered} once it finished with elements still in hand.
  defp zip_pull([], items, pulled), do: {:ok, :lists.reverse(items), :lists.reverse(pulled)}

  defp zip_pull([{k, [x | xs]} | rest], items, pulled) do
    zip_pull(rest, [x | items], [{k, xs} | pulled])
  end

  defp zip_pull([{:ended, []} | rest], _items, pulled) do
    zip_close(:lists.reverse(pulled, rest))
    :done
  end

  defp zip_pull([{k, []} | rest], items, pulled) do
    case k.({:cont, []}) do
      {:suspended, [x], k} ->
        zip_pull(rest, [x | items], [{k, []} | pulled])

      {_, xs} ->
        case :lists.reverse(xs) do
          [] -> zip_pull([{:ended, []} | rest], items, pulled)
          [x | more] -> zip_pull(rest, [x | items], [{:ended, more} | pulled])
        end
    end
  end

  defp zip_close(sources) do
    Enum.each(sources, fn
      {:ended, _} -> :ok
      {k, _} -> k.({:halt, []})
    end)
  end

  # ==== Sources ====

  def unfold(acc, next_fun) when is_function(next_fun, 1) do
    fn command, fun -> unfold_next(acc, next_fun, command, fun) end
  end

  defp unfold_next(_state, _next_fun, {:halt, acc}, _fun), do: {:halted, acc}

  defp unfold_next(state, next_fun, {:suspend, acc}, fun) do
    {:suspended, acc, fn next -> unfold_next(state, next_fun, next, fun) end}
  end

  defp unfold_next(state, next_fun, {:cont, acc}, fun) do
    case next_fun.(state) do
      nil -> {:done, acc}
      {x, state} -> unfold_next(state, next_fun, fun.(x, acc), fun)
    end
  end

  # next_fun runs only when the element after the previous one is asked for.
  def iterate(start, next_fun) when is_function(next_fun, 1) do
    unfold({:start, start}, fn
      {:start, x} ->
        {x, {:next, x}}

      {:next, x} ->
        y = next_fun.(x)
        {y, {:next, y}}
    end)
  end

  def repeatedly(generator) when is_function(generator, 0) do
    fn command, fun -> repeat_next(generator, command, fun) end
  end

  defp repeat_next(_generator, {:halt, acc}, _fun), do: {:halted, acc}

  defp repeat_next(generator, {:suspend, acc}, fun) do
    {:suspended, acc, fn next -> repeat_next(generator, next, fun) end}
  end

  defp repeat_next(generator, {:cont, acc}, fun) do
    repeat_next(generator, fun.(generator.(), acc), fun)
  end

  def duplicate(value, n) when is_integer(n) and n >= 0 do
    unfold(n, fn
      0 -> nil
      left -> {value, left - 1}
    end)
  end

  def interval(ms) when is_integer(ms) and ms >= 0 do
    unfold(0, fn count ->
      Process.sleep(ms)
      {count, count + 1}
    end)
  end

  def timer(ms) when is_integer(ms) and ms >= 0, do: take(interval(ms), 1)

  def cycle([]), do: raise(ArgumentError, "cannot cycle over an empty enumerable")

  def cycle(list) when is_list(list) do
    unfold({list, list}, fn
      {all, [x | rest]} -> {x, {all, rest}}
      {[x | rest] = all, []} -> {x, {all, rest}}
    end)
  end

  def cycle(enum) do
    fn command, fun ->
      step = fn x, acc -> {:suspend, [x | acc]} end
      fresh = fn next -> Enumerable.reduce(enum, next, step) end
      cycle_next(fresh, fresh, true, command, fun)
    end
  end

  defp cycle_next(k, _fresh, _first, {:halt, acc}, _fun) do
    k.({:halt, []})
    {:halted, acc}
  end

  defp cycle_next(k, fresh, first, {:suspend, acc}, fun) do
    {:suspended, acc, fn next -> cycle_next(k, fresh, first, next, fun) end}
  end

  defp cycle_next(k, fresh, first, {:cont, acc}, fun) do
    case k.({:cont, []}) do
      {:suspended, [x], k} -> cycle_next(k, fresh, false, fun.(x, acc), fun)
      {_, [x]} -> cycle_next(fresh, fresh, false, fun.(x, acc), fun)
      {_, []} when first -> raise ArgumentError, "cannot cycle over an empty enumerable"
      {_, []} -> cycle_next(fresh, fresh, false, {:cont, acc}, fun)
    end
  end

  def resource(start_fun, next_fun, after_fun)
      when is_function(start_fun, 0) and is_function(next_fun, 1) and is_function(after_fun, 1) do
    fn command, fun ->
      resource_next(start_fun.(), {next_fun, after_fun}, command, fun)
    end
  end

  defp resource_next(state, {_, after_fun}, {:halt, acc}, _fun) do
    after_fun.(state)
    {:halted, acc}
  end

  defp resource_next(state, funs, {:suspend, acc}, fun) do
    {:suspended, acc, fn next -> resource_next(state, funs, next, fun) end}
  end

  defp resource_next(state, {next_fun, _} = funs, {:cont, acc}, fun) do
    case resource_guard(fn -> next_fun.(state) end, state, funs) do
      {:halt, state} ->
        resource_next(state, funs, {:halt, acc}, fun)

      {list, state} when is_list(list) ->
        more = fn next -> Enumerable.reduce(list, next, fun) end
        resource_list(more, state, funs, {:cont, acc}, fun)

      {enum, state} ->
        more = fn next -> Enumerable.reduce(enum, next, tag_inner(fun)) end
        resource_enum(more, state, funs, {:cont, acc}, fun)
    end
  end

  defp resource_list(more, state, funs, command, fun) do
    case resource_guard(fn -> more.(command) end, state, funs) do
      {:done, acc} ->
        resource_next(state, funs, {:cont, acc}, fun)

      {:halted, acc} ->
        resource_next(state, funs, {:halt, acc}, fun)

      {:suspended, acc, more} ->
        {:suspended, acc, fn next -> resource_list(more, state, funs, next, fun) end}
    end
  end

  defp resource_enum(more, state, funs, {op, acc}, fun) do
    case resource_guard(fn -> more.({op, {:outer, acc}}) end, state, funs) do
      {:halted, {:outer, acc}} ->
        resource_next(state, funs, {:cont, acc}, fun)

      {:halted, {:inner, acc}} ->
        resource_next(state, funs, {:halt, acc}, fun)

      {:done, {_, acc}} ->
        resource_next(state, funs, {:cont, acc}, fun)

      {:suspended, {_, acc}, more} ->
        {:suspended, acc, fn next -> resource_enum(more, state, funs, next, fun) end}
    end
  end

  defp resource_guard(body, state, {_, after_fun}) do
    try do
      body.()
    rescue
      error ->
        after_fun.(state)
        reraise error, __STACKTRACE__
    catch
      :throw, value ->
        after_fun.(state)
        throw(value)

      :exit, reason ->
        after_fun.(state)
        exit(reason)
    end
  end

  # ==== Running and collecting ====

  def run(stream) do
    _ = Enumerable.reduce(stream, {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end

  # Ember has no Collectable protocol: the collectable is checked when the stream runs, and
  # [transform] is applied to each element as Elixir does before the element goes on; the
  # collected value itself is dropped, as Stream.into/3 drops it for pure collectables.
  def into(enum, collectable, transform \\ fn x -> x end) when is_function(transform, 1) do
    fn command, fun ->
      _ = Enum.into([], collectable)

      Enumerable.reduce(enum, command, fn x, acc ->
        _ = transform.(x)
        fun.(x, acc)
      end)
    end
  end
end
