# inspect of binaries and bitstrings with base: and binaries: options.
IO.inspect(<<1, 200, 3::4>>, base: :hex)
IO.inspect(<<1, 200>>, base: :hex)
IO.inspect("abc", binaries: :as_binaries)
IO.inspect(<<"abc", 1::1>>, binaries: :as_strings)
IO.inspect(<<1, 2, 3>>, base: :binary)
IO.inspect("abc", base: :hex); IO.inspect("abc", base: :hex, binaries: :as_strings); IO.inspect(["abc"], base: :octal); IO.inspect(<<255>>, base: :octal)
