# OptionParser.parse/2, parse_head/2 and next/2: types, aliases, negation, groups, --, errors.
# Option names become atoms only when the atom exists: make sure these exist in both VMs.
_ = [:no_source]
cases = [
  {["--debug"], [switches: [debug: :boolean]]},
  {["--no-debug", "x"], [switches: [debug: :boolean]]},
  {["--debug=false", "--debug=true", "--debug=yes"], [switches: [debug: :boolean]]},
  {["--no-debug=1"], [switches: [debug: :boolean]]},
  {["--source", "lib", "--source-path", "x"], [switches: [source: :string, source_path: :string]]},
  {["--source=lib", "rest", "--source"], [switches: [source: :string]]},
  {["--limit", "10", "--ratio", "0.5", "--limit", "x"], [switches: [limit: :integer, ratio: :float]]},
  {["--limit", "1.5", "--ratio", "2"], [strict: [limit: :integer, ratio: :float]]},
  {["--limit", "-5", "--ratio", "-2.5e3"], [strict: [limit: :integer, ratio: :float]]},
  {["--limit", "--ratio", "1"], [strict: [limit: :integer, ratio: :float]]},
  {["--limit"], [strict: [limit: :integer]]},
  {["-v", "-v", "--verbose"], [switches: [verbose: :count], aliases: [v: :verbose]]},
  {["--verbose=2"], [switches: [verbose: :count]]},
  {["--path", "a", "--path", "b"], [switches: [path: :keep]]},
  {["--path", "a", "--path", "b"], [switches: [path: [:string, :keep]]]},
  {["--n", "1", "--n", "2"], [switches: [n: [:integer, :keep]]]},
  {["--n", "1", "--n", "2"], [switches: [n: :integer]]},
  {["-abc"], [switches: [a: :boolean, b: :boolean, c: :boolean]]},
  {["-ab", "x"], [switches: [a: :boolean, b: :string]]},
  {["-n2", "-n", "-3"], [switches: [n: :integer]]},
  {["-1", "-2.5", "-", "- x"], [switches: [n: :integer]]},
  {["-d", "-o", "file"], [aliases: [d: :debug, o: :output], switches: [debug: :boolean, output: :string]]},
  {["-x"], [strict: [debug: :boolean]]},
  {["--unknown_zq", "--with_under"], [strict: []]},
  {["--a-b_c"], [switches: []]},
  {["-a_b", "-a-b"], [switches: []]},
  {["--debug", "--", "--other", "x"], [switches: [debug: :boolean]]},
  {["a", "--debug", "b", "--", "c"], [switches: [debug: :boolean]]},
  {["--zzqqzz_missing_atom"], [switches: []]},
  {["--zzqqzz-missing-atom2", "v"], [switches: [], allow_nonexistent_atoms: true]},
  {["--source", "a"], [switches: []]},
  {["--source"], [switches: []]},
  {["--no-source"], [switches: []]},
  {["--no-source"], [switches: [source: :string]]},
  {["--no-debug", "--debug"], [strict: [debug: :boolean]]},
  {["--debug", "x"], [strict: [debug: :string]]},
  {["--debug", "--x"], [strict: [debug: :string]]},
  {["--", "--"], [switches: []]},
  {[], [switches: []]},
  {["--ratio", "1e2", "--ratio", ".5", "--ratio", "5."], [switches: [ratio: :float]]},
  {["--limit", "0x10", "--limit", "+7", "--limit", " 7"], [switches: [limit: :integer]]},
  {["--verbose", "--verbose", "x"], [strict: [verbose: :count]]}
]

for {argv, opts} <- cases do
  IO.inspect({argv, OptionParser.parse(argv, opts), OptionParser.parse_head(argv, opts)})
end

IO.inspect(OptionParser.next(["--debug", "x"], switches: [debug: :boolean]))
IO.inspect(OptionParser.next(["x"], switches: []))
IO.inspect(OptionParser.next(["--zz_q"], switches: []))
IO.inspect(OptionParser.next(["--limit", "x"], strict: [limit: :integer]))
IO.inspect(OptionParser.next(["--nope-zzq"], strict: [limit: :integer]))
IO.inspect(OptionParser.next([], strict: []))
IO.inspect(OptionParser.parse_head(["--source", "x", "y", "--debug"], switches: [source: :string, debug: :boolean]))
