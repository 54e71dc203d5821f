# Fields of exception structs are accessible after rescue.
defmodule Probe do
  def key do
    try do
      Map.fetch!(%{a: 1}, :nope)
    rescue
      e in KeyError -> {e.key, e.term}
    end
  end
  def match do
    try do
      [_] = [1, 2]
    rescue
      e in MatchError -> e.term
    end
  end
  def clause do
    try do
      case 7 do
        0 -> :zero
      end
    rescue
      e in CaseClauseError -> e.term
    end
  end
end
IO.inspect(Probe.key())
IO.inspect(Probe.match())
IO.inspect(Probe.clause())
e = RuntimeError.exception("made by hand")
IO.inspect(e)
IO.inspect(Exception.message(e))
IO.inspect(is_exception(e))
IO.inspect(is_exception(:nope))
IO.inspect(%ArgumentError{message: "built"})
