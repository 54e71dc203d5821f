# Lists the public API of the modules issue 12 measures, one "Module kind name/arity" line per
# function or macro (kind is f or m), from Module.__info__/1. Runs unchanged on Elixir and on
# Ember; tools/coverage.sh compares the two lists. A module that does not exist prints
# "Module missing".
modules = [
  Kernel, Enum, List, Map, String, Integer, Float, Tuple, Keyword, Access, Stream, MapSet,
  Range, IO, IO.ANSI, File, Path, System, Process, Port, Node, Task, Agent, GenServer,
  Supervisor, DynamicSupervisor, Registry, URI, OptionParser, Base, Bitwise, Regex, Date, Time,
  NaiveDateTime, DateTime, Calendar, Code, Macro, Module, Function, Exception, Atom, StringIO,
  Logger, Enumerable, Collectable, Inspect, Inspect.Algebra, Protocol, Application, Version,
  Record
]

for mod <- modules do
  name = String.replace_prefix(Atom.to_string(mod), "Elixir.", "")

  try do
    {mod.__info__(:functions), mod.__info__(:macros)}
  rescue
    UndefinedFunctionError -> :missing
  end
  |> case do
    :missing ->
      IO.puts("#{name} missing")

    {functions, macros} ->
      for {f, arity} <- functions, do: IO.puts("#{name} f #{f}/#{arity}")
      for {m, arity} <- macros, do: IO.puts("#{name} m #{m}/#{arity}")
  end
end
