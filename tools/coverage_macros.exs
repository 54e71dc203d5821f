# Macro probes for tools/coverage.sh. Ember has no macros, so its __info__(:macros) is empty and
# the macros it supports are compiler forms; each probe here runs one use of a macro through
# Code.eval_string and prints "Module p name/arity RESULT" (RESULT is the inspected value, or
# "error"). coverage.sh counts a macro present in Ember when Ember's RESULT equals Elixir's.
# dbg/0,1,2 are not probed (they print), so they count as missing.
probes = [
  {Kernel, "!/1", "!nil"},
  {Kernel, "&&/2", "nil && 1"},
  {Kernel, "../0", "Enum.to_list(..)"},
  {Kernel, "../2", "Enum.to_list(1..3)"},
  {Kernel, "..///3", "Enum.to_list(1..9//3)"},
  {Kernel, "<>/2", ~S|"a" <> "b"|},
  {Kernel, "@/1", "defmodule CovAttr do\n  @x 5\n  def f, do: @x\nend\nCovAttr.f()"},
  {Kernel, "alias!/1", "alias!(Enum)"},
  {Kernel, "and/2", "true and false"},
  {Kernel, "binding/0", "x = 1\nbinding()"},
  {Kernel, "binding/1", "x = 1\nbinding(nil)"},
  {Kernel, "def/1", "defmodule CovDef1 do\n  def f(x)\n  def f(x), do: x\nend\nCovDef1.f(2)"},
  {Kernel, "def/2", "defmodule CovDef2 do\n  def f, do: 1\nend\nCovDef2.f()"},
  {Kernel, "defdelegate/2", ~s|defmodule CovDel do\n  defdelegate up(s), to: String, as: :upcase\nend\nCovDel.up("a")|},
  {Kernel, "defexception/1", ~s|defmodule CovExc do\n  defexception [:message]\nend\nException.message(CovExc.exception(message: "m"))|},
  {Kernel, "defguard/1", "defmodule CovGuard do\n  defguard is_pos(x) when x > 0\n  def f(x) when is_pos(x), do: 1\nend\nCovGuard.f(1)"},
  {Kernel, "defguardp/1", "defmodule CovGuardp do\n  defguardp is_pos(x) when x > 0\n  def f(x) when is_pos(x), do: 1\nend\nCovGuardp.f(1)"},
  {Kernel, "defimpl/2", ~s|defmodule CovImpl2 do\n  defstruct [:a]\nend\ndefimpl String.Chars, for: CovImpl2, do: (def to_string(_), do: "two")\nto_string(struct(CovImpl2))|},
  {Kernel, "defimpl/3", ~s|defmodule CovImpl3 do\n  defstruct [:a]\nend\ndefimpl String.Chars, for: CovImpl3 do\n  def to_string(_), do: "three"\nend\nto_string(struct(CovImpl3))|},
  {Kernel, "defmacro/1", "defmodule CovMac1 do\n  defmacro m(x)\n  defmacro m(x), do: x\nend\n:ok"},
  {Kernel, "defmacro/2", "defmodule CovMac2 do\n  defmacro m(x), do: x\nend\nCovMac2.__info__(:macros)"},
  {Kernel, "defmacrop/1", "defmodule CovMacp1 do\n  defmacrop m(x)\n  defmacrop m(x), do: x\n  def f, do: m(1)\nend\nCovMacp1.f()"},
  {Kernel, "defmacrop/2", "defmodule CovMacp2 do\n  defmacrop m(x), do: x\n  def f, do: m(2)\nend\nCovMacp2.f()"},
  {Kernel, "defmodule/2", "defmodule CovMod do\n  def f, do: :module\nend\nCovMod.f()"},
  {Kernel, "defoverridable/1", "defmodule CovOv do\n  def f, do: 1\n  defoverridable f: 0\n  def f, do: 2\nend\nCovOv.f()"},
  {Kernel, "defp/1", "defmodule CovDefp1 do\n  defp g(x)\n  defp g(x), do: x\n  def f, do: g(3)\nend\nCovDefp1.f()"},
  {Kernel, "defp/2", "defmodule CovDefp2 do\n  defp g, do: 4\n  def f, do: g()\nend\nCovDefp2.f()"},
  {Kernel, "defprotocol/2", "defprotocol CovProto do\n  def p(x)\nend\ndefimpl CovProto, for: Integer do\n  def p(x), do: x + 1\nend\nCovProto.p(1)"},
  {Kernel, "defstruct/1", "defmodule CovSt do\n  defstruct a: 1\nend\nstruct(CovSt).a"},
  {Kernel, "destructure/2", "destructure([a, b], [1])\n{a, b}"},
  {Kernel, "get_and_update_in/2", "m = %{a: %{b: 1}}\nget_and_update_in(m.a.b, &{&1, &1 + 1})"},
  {Kernel, "if/2", "if true, do: 1, else: 2"},
  {Kernel, "in/2", "2 in [1, 2]"},
  {Kernel, "is_exception/1", "is_exception(%RuntimeError{})"},
  {Kernel, "is_exception/2", "is_exception(%RuntimeError{}, RuntimeError)"},
  {Kernel, "is_nil/1", "is_nil(nil)"},
  {Kernel, "is_struct/1", "is_struct(1..2)"},
  {Kernel, "is_struct/2", "is_struct(1..2, Range)"},
  {Kernel, "match?/2", "match?({:ok, _}, {:ok, 1})"},
  {Kernel, "or/2", "false or true"},
  {Kernel, "pop_in/1", "m = %{a: %{b: 1}}\npop_in(m[:a][:b])"},
  {Kernel, "put_in/2", "m = %{a: %{b: 1}}\nput_in(m.a.b, 2)"},
  {Kernel, "raise/1", ~s|try do\n  raise "x"\nrescue\n  e -> e.message\nend|},
  {Kernel, "raise/2", ~s|try do\n  raise ArgumentError, "y"\nrescue\n  e -> e.message\nend|},
  {Kernel, "reraise/2", ~s|try do\n  try do\n    raise "a"\n  rescue\n    e -> reraise e, __STACKTRACE__\n  end\nrescue\n  e -> e.message\nend|},
  {Kernel, "reraise/3", ~s|try do\n  reraise RuntimeError, [message: "b"], []\nrescue\n  e -> e.message\nend|},
  {Kernel, "sigil_C/2", ~S|~C(a\n)|},
  {Kernel, "sigil_D/2", "~D[2024-01-31]"},
  {Kernel, "sigil_N/2", "~N[2024-01-31 10:00:00]"},
  {Kernel, "sigil_R/2", ~S|Regex.match?(~R/a+/, "aa")|},
  {Kernel, "sigil_S/2", ~S|~S(a\n)|},
  {Kernel, "sigil_T/2", "~T[10:00:00]"},
  {Kernel, "sigil_U/2", "~U[2024-01-31 10:00:00Z]"},
  {Kernel, "sigil_W/2", "~W(a b)"},
  {Kernel, "sigil_c/2", "~c(ab)"},
  {Kernel, "sigil_r/2", ~S|Regex.match?(~r/a+/, "aa")|},
  {Kernel, "sigil_s/2", ~S|~s(a#{1})|},
  {Kernel, "sigil_w/2", "~w(a b)a"},
  {Kernel, "tap/2", "tap(1, fn _ -> 2 end)"},
  {Kernel, "then/2", "then(1, &(&1 + 1))"},
  {Kernel, "to_char_list/1", "to_char_list(:a)"},
  {Kernel, "to_charlist/1", "to_charlist(:a)"},
  {Kernel, "to_string/1", "to_string(:a)"},
  {Kernel, "unless/2", "unless false, do: 1"},
  {Kernel, "update_in/2", "m = %{a: %{b: 1}}\nupdate_in(m.a.b, &(&1 + 1))"},
  {Kernel, "use/1", "defmodule CovUse1 do\n  use GenServer\nend\nfunction_exported?(CovUse1, :child_spec, 1)"},
  {Kernel, "use/2", "defmodule CovUse2 do\n  use Agent, restart: :temporary\nend\nCovUse2.child_spec(1).restart"},
  {Kernel, "var!/1", "var!(x) = 3\nx"},
  {Kernel, "var!/2", "var!(x, nil) = 4\nx"},
  {Kernel, "|>/2", "1 |> Kernel.+(2)"},
  {Kernel, "||/2", "nil || 2"},
  {Integer, "is_even/1", "require Integer\nInteger.is_even(2)"},
  {Integer, "is_odd/1", "require Integer\nInteger.is_odd(2)"},
  {Agent, "__using__/1", "defmodule CovAgent do\n  use Agent\nend\nCovAgent.child_spec(1).id"},
  {GenServer, "__using__/1", "defmodule CovGen do\n  use GenServer\nend\nCovGen.child_spec(1).id"},
  {Supervisor, "__using__/1", "defmodule CovSup do\n  use Supervisor\nend\nCovSup.child_spec(1).type"},
  {DynamicSupervisor, "__using__/1", "defmodule CovDyn do\n  use DynamicSupervisor\nend\nCovDyn.child_spec(1).type"},
  {Task, "__using__/1", "defmodule CovTask do\n  use Task\nend\nCovTask.child_spec(1).restart"}
]

for {mod, name_arity, code} <- probes do
  result =
    try do
      {value, _binding} = Code.eval_string(code)
      String.replace(inspect(value, limit: 20), "\n", " ")
    rescue
      _ -> "error"
    end

  IO.puts("#{String.replace_prefix(Atom.to_string(mod), "Elixir.", "")} p #{name_arity} #{result}")
end
