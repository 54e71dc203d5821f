# Elixir modules whose functions are all C built-ins (vm/builtins.def). Each is declared here,
# empty, so that it exists as a module as it does in Elixir: Integer.__info__(:functions) and
# Code.ensure_loaded?(Integer) work, and __info__ lists the built-ins (vm/bi_code.c). A module
# that gains Ember-defined functions moves to its own file and leaves this list.
defmodule Base do
end

defmodule Bitwise do
end

defmodule Node do
end

defmodule Tuple do
end
