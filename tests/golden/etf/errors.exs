# Bad input to binary_to_term, term_to_binary and external_size: ArgumentError with Erlang's
# wording, never a crash (truncations, forged lengths and counts, bad atoms and floats).
try_it = fn label, f ->
  try do
    IO.inspect({label, f.()})
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)} #{Exception.message(e)}")
  end
end

bad = [
  {"bad tag", <<131, 255>>},
  {"empty", <<>>},
  {"version only", <<131>>},
  {"wrong version", <<130, 97, 1>>},
  {"truncated int", <<131, 98, 0, 0>>},
  {"truncated small", <<131, 97>>},
  {"forged list length", <<131, 108, 255, 255, 255, 255, 106>>},
  {"forged binary length", <<131, 109, 255, 255, 255, 255, 1, 2, 3>>},
  {"forged tuple arity", <<131, 105, 127, 255, 255, 255, 97, 1>>},
  {"forged map count", <<131, 116, 255, 255, 255, 255, 97, 1, 97, 2>>},
  {"forged string length", <<131, 107, 255, 255, 1, 2>>},
  {"forged big length", <<131, 111, 255, 255, 255, 255, 0, 1>>},
  {"list without tail", <<131, 108, 0, 0, 0, 1, 97, 1>>},
  {"duplicate map keys", <<131, 116, 0, 0, 0, 2, 97, 1, 97, 1, 97, 1, 97, 2>>},
  {"atom too long", <<131, 100, 1, 0>> <> String.duplicate("a", 256)},
  {"bad utf8 atom", <<131, 119, 1, 255>>},
  {"overlong utf8 atom", <<131, 119, 2, 0xC0, 0x80>>},
  {"nan", <<131, 70, 127, 248, 0, 0, 0, 0, 0, 0>>},
  {"infinity", <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>},
  {"float text", <<131, 99, "abc", :binary.copy(<<0>>, 28)::binary>>},
  {"float no point", <<131, 99, "15e+00", :binary.copy(<<0>>, 25)::binary>>},
  {"float junk", <<131, 99, "1.5000k", :binary.copy(<<0>>, 24)::binary>>},
  {"float space", <<131, 99, " 1.5", :binary.copy(<<0>>, 27)::binary>>},
  {"float no exponent digits", <<131, 99, "1.5e+", :binary.copy(<<0>>, 26)::binary>>},
  {"float overflow", <<131, 99, "1.0e999", :binary.copy(<<0>>, 24)::binary>>},
  {"export arity", <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 98, 0, 0, 0, 1>>},
  {"export arity -1", <<131, 113, 100, 0, 1, "m", 100, 0, 1, "f", 98, 255, 255, 255, 255>>},
  {"export module", <<131, 113, 97, 1, 100, 0, 1, "f", 97, 1>>},
  {"atom cache ref", <<131, 82, 0>>},
  {"compressed size", <<131, 80, 0, 0, 0, 104, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208>>},
  {"compressed small", <<131, 80, 0, 0, 0, 102, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232, 0, 208>>},
  {"compressed garbage", <<131, 80, 0, 0, 0, 10, 1, 2, 3, 4, 5>>},
  {"compressed huge", <<131, 80, 255, 255, 255, 255, 120, 156, 3, 0>>},
  {"compressed truncated", <<131, 80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97>>},
  {"nested truncation", <<131, 104, 2, 104, 2, 97, 1>>}
]

Enum.each(bad, fn {label, bin} -> try_it.(label, fn -> :erlang.binary_to_term(bin) end) end)

try_it.("safe new atom", fn -> :erlang.binary_to_term(<<131, 100, 0, 6, "zq_new">>, [:safe]) end)
try_it.("safe bad", fn -> :erlang.binary_to_term(<<131, 255>>, [:safe]) end)
try_it.("not a binary", fn -> :erlang.binary_to_term(:abc) end)
try_it.("not a binary 2", fn -> :erlang.binary_to_term([131, 97, 1], [:safe]) end)
try_it.("bad option", fn -> :erlang.binary_to_term(<<131, 97, 1>>, [:bogus]) end)
try_it.("options not a list", fn -> :erlang.binary_to_term(<<131, 97, 1>>, :safe) end)
try_it.("ttb bad option", fn -> :erlang.term_to_binary(1, [:bogus]) end)
try_it.("ttb level", fn -> :erlang.term_to_binary(1, [{:compressed, 10}]) end)
try_it.("ttb minor", fn -> :erlang.term_to_binary(1, [{:minor_version, 3}]) end)
try_it.("ttb not a list", fn -> :erlang.term_to_binary(1, :compressed) end)
try_it.("ttb improper", fn -> :erlang.term_to_binary(1, [:compressed | :x]) end)
try_it.("size compressed", fn -> :erlang.external_size(1, [:compressed]) end)
try_it.("size minor", fn -> :erlang.external_size(1.5, minor_version: 0) end)
try_it.("size not a list", fn -> :erlang.external_size(1, 2) end)
