# Keyword lists and structs in pretty-printed output
opts = [name: "server", port: 4000, hosts: ["alpha.example.com", "beta.example.com"], retry: [max: 5, backoff: :exponential]]
IO.inspect(opts)
IO.inspect(%{config: opts})
IO.inspect([opts, opts])
IO.inspect({:error, %{reason: :timeout, details: "the operation took longer than the allowed 5000 ms"}})
IO.inspect(["short", "list"], label: "a label that is long enough to push things around the page")
