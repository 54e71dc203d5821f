# System.cmd/3: output and exit status of external programs, with each option (into, cd, env,
# stderr_to_stdout, arg0), and System.find_executable/1. Paths printed are machine independent.
IO.inspect(System.cmd("echo", ["hello", "world"]))
IO.inspect(System.cmd("printf", ["%s-%d\n", "a", "42"]))
IO.inspect(System.cmd("sh", ["-c", "exit 3"]))
IO.inspect(System.cmd("sh", ["-c", "echo partial; exit 7"]))
IO.inspect(System.cmd("true", []))
IO.inspect(System.cmd("false", []))
# killed by signal 9: reported as 128 + 9
IO.inspect(System.cmd("sh", ["-c", "kill -9 $$"]))
IO.inspect(System.cmd("sh", ["-c", "kill -15 $$"]))
# an absolute path is used as it is
IO.inspect(System.cmd("/bin/sh", ["-c", "echo absolute"]))
# arguments are passed verbatim, without a shell
IO.inspect(System.cmd("printf", ["%s|", "a b", "$HOME", "*", ""]))
# into
IO.inspect(System.cmd("echo", ["hi"], into: []))
IO.inspect(System.cmd("true", [], into: []))
IO.inspect(System.cmd("echo", ["hi"], into: "prefix:"))
# cd
IO.inspect(System.cmd("pwd", [], cd: "/"))
{out, 0} = System.cmd("pwd", [], cd: System.tmp_dir!())
IO.inspect(String.trim(out) == Path.expand(System.tmp_dir!()) or String.trim(out) =~ "tmp")
# env: set, override, unset
IO.inspect(System.cmd("sh", ["-c", "echo \"[$EMBER_T1][$EMBER_T2]\""], env: [{"EMBER_T1", "one"}]))
IO.inspect(
  System.cmd("sh", ["-c", "echo \"[$EMBER_T1][${HOME:-unset}]\""],
    env: [{"EMBER_T1", "a"}, {"EMBER_T1", "b"}, {"HOME", nil}]
  )
)
IO.inspect(System.cmd("sh", ["-c", "echo \"[$EMBER_T1]\""], env: %{"EMBER_T1" => "from map"}))
# stderr_to_stdout
IO.inspect(System.cmd("sh", ["-c", "echo out; echo err >&2"], stderr_to_stdout: true))
IO.inspect(System.cmd("sh", ["-c", "echo out"], stderr_to_stdout: false, parallelism: true))
# arg0
IO.inspect(System.cmd("sh", ["-c", "echo $0"], arg0: "renamed"))
# large output (more than one pipe buffer)
{big, 0} = System.cmd("sh", ["-c", "i=0; while [ $i -lt 20000 ]; do echo line$i; i=$((i+1)); done"])
IO.inspect({byte_size(big), String.split(big, "\n") |> Enum.at(19999)})
# find_executable
IO.inspect(System.find_executable("sh") |> Path.basename())
IO.inspect(System.find_executable("/bin/sh"))
IO.inspect(System.find_executable("nonexistent_cmd_xyz"))
IO.inspect(System.find_executable("/nonexistent/sh"))
IO.inspect(System.find_executable(""))
