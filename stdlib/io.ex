# IO's stdin readers on top of the I/O pool: the read runs as an I/O job (vm/io_jobs.c) while
# the calling process waits in a receive, so other processes keep running. Everything else in
# IO (puts, write, inspect ...) is a C built-in (vm/bi_io.c).
defmodule IO do
  def gets(prompt), do: gets(:stdio, prompt)

  def gets(device, prompt) do
    IO.write(device, prompt)
    read_stdin(device, :line)
  end

  def read(line_or_chars), do: read(:stdio, line_or_chars)
  def read(device, line_or_chars), do: read_stdin(device, line_or_chars)

  defp read_stdin(:stdio, what) do
    ref = :ember_io.submit(:read_stdin, [what])

    receive do
      {:"$ember_io", ^ref, result} -> result
    end
  end
end
