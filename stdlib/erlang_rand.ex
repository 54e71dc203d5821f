# Erlang's :rand module: uniform floats and integers, seeding, and explicit-state variants.
# Every algorithm name Erlang accepts is accepted, but all of them run one generator (a 64-bit
# linear congruential step whose top 53 bits are used), so sequences differ from Erlang's for
# the same seed. As in Erlang, the implicit state lives in the process dictionary under
# :rand_seed; a state is {%{type: alg}, integer}. Calls to :rand.f reach this module through
# the VM's Erlang stand-in rule (`:rand` -> Ember.Erlang.Rand, vm/vm.c).
defmodule Ember.Erlang.Rand do
  @mask64 0xFFFFFFFFFFFFFFFF
  @two53 9_007_199_254_740_992

  def seed(alg) when is_atom(alg), do: seed(alg, fresh_seed())
  def seed({alg_map, value} = state) when is_map(alg_map) and is_integer(value), do: store(state)

  def seed(alg, value), do: store(seed_s(alg, value))

  def seed_s(alg) when is_atom(alg), do: seed_s(alg, fresh_seed())
  def seed_s({alg_map, value} = state) when is_map(alg_map) and is_integer(value), do: state

  def seed_s(alg, value) do
    alg = mk_alg(alg)
    {%{type: alg}, mix(seed_integer(value))}
  end

  def uniform do
    {x, state} = uniform_s(current())
    store(state)
    x
  end

  def uniform(n) do
    {x, state} = uniform_s(n, current())
    store(state)
    x
  end

  def uniform_s({alg_map, _} = state) when is_map(alg_map) do
    {bits, state} = next53(state)
    {bits / @two53, state}
  end

  def uniform_s(n, {alg_map, _} = state) when is_integer(n) and n >= 1 and is_map(alg_map) do
    {bits, state} = next53(state)
    {div(bits * n, @two53) + 1, state}
  end

  def uniform_s(_n, _state) do
    raise FunctionClauseError, module: :rand, function: :uniform_s, arity: 2
  end

  def export_seed do
    case Process.get(:rand_seed) do
      nil -> :undefined
      state -> state
    end
  end

  # ==== helpers ====

  defp current do
    case Process.get(:rand_seed) do
      nil -> seed_s(:exsss, fresh_seed())
      state -> state
    end
  end

  defp store(state) do
    Process.put(:rand_seed, state)
    state
  end

  defp next53({alg_map, s}) do
    s = Bitwise.band(s * 6_364_136_223_846_793_005 + 1_442_695_040_888_963_407, @mask64)
    {Bitwise.bsr(s, 11), {alg_map, s}}
  end

  defp fresh_seed do
    {:erlang.unique_integer(), :erlang.system_time(), :erlang.phash2(self())}
  end

  defp seed_integer(value) when is_integer(value), do: value
  defp seed_integer({a, b, c}) when is_integer(a) and is_integer(b) and is_integer(c),
    do: a * 1_000_003 * 1_000_003 + b * 1_000_003 + c
  defp seed_integer(value), do: :erlang.phash2(value)

  # splitmix64's finaliser, so that nearby seeds give unrelated sequences.
  defp mix(x) do
    x = Bitwise.band(x, @mask64)
    x = Bitwise.band(Bitwise.bxor(x, Bitwise.bsr(x, 30)) * 0xBF58476D1CE4E5B9, @mask64)
    x = Bitwise.band(Bitwise.bxor(x, Bitwise.bsr(x, 27)) * 0x94D049BB133111EB, @mask64)
    Bitwise.bxor(x, Bitwise.bsr(x, 31))
  end

  @algorithms [:exsss, :exro928ss, :exrop, :exs1024s, :exsp, :exs64, :exsplus, :exs1024,
               :exro928, :default]
  defp mk_alg(alg) do
    if alg in @algorithms do
      alg
    else
      raise FunctionClauseError, module: :rand, function: :mk_alg, arity: 1
    end
  end
end
