# Deprecated OptionParser uses still parse (their warnings go to stderr, which is not compared).
_ = [:debug]
IO.inspect(OptionParser.parse(["--debug", "x", "--zq_unknown"]))
IO.inspect(OptionParser.parse(["-dx", "a"], switches: [dx: :boolean], aliases: [dx: :dx]))
IO.inspect(OptionParser.parse_head(["-nv", "1"], switches: [nv: :integer], aliases: [nv: :nv]))
