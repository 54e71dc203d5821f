# :os.cmd/1: runs a charlist (or atom) through /bin/sh -c, stderr merged, returns a charlist
# decoded from UTF-8; the exit status is dropped.
IO.inspect(:os.cmd('echo hi; echo err >&2; exit 3'))
IO.inspect(:os.cmd('printf "a\\nb"'))
IO.inspect(:os.cmd('true'))
IO.inspect(:os.cmd(:"echo atom"))
IO.inspect(:os.cmd('printf "\\303\\251t\\303\\251"'))
IO.inspect(:os.cmd('printf "\\377"'))
IO.inspect(:os.cmd('cd / && pwd'))

try do
  :os.cmd("echo binary")
rescue
  e -> IO.inspect(e)
end
