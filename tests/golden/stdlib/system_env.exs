# System environment functions: put_env/delete_env/get_env/fetch_env, their errors, and the
# changes being seen by programs System.cmd starts. tmp_dir and user_home exist.
System.delete_env("EMBER_ENV_T")
IO.inspect(System.get_env("EMBER_ENV_T"))
IO.inspect(System.get_env("EMBER_ENV_T", "default"))
IO.inspect(System.fetch_env("EMBER_ENV_T"))
IO.inspect(System.put_env("EMBER_ENV_T", "value 1"))
IO.inspect(System.get_env("EMBER_ENV_T"))
IO.inspect(System.fetch_env("EMBER_ENV_T"))
IO.inspect(System.fetch_env!("EMBER_ENV_T"))
IO.inspect(System.get_env()["EMBER_ENV_T"])
IO.inspect(is_map(System.get_env()))
IO.inspect(System.cmd("sh", ["-c", "echo $EMBER_ENV_T"]))
IO.inspect(System.put_env(%{"EMBER_ENV_T" => "from map", "EMBER_ENV_U" => "u"}))
IO.inspect({System.get_env("EMBER_ENV_T"), System.get_env("EMBER_ENV_U")})
IO.inspect(System.put_env([{"EMBER_ENV_U", nil}]))
IO.inspect(System.get_env("EMBER_ENV_U"))
IO.inspect(System.delete_env("EMBER_ENV_T"))
IO.inspect(System.get_env("EMBER_ENV_T"))
IO.inspect(System.cmd("sh", ["-c", "echo \"[$EMBER_ENV_T]\""]))
IO.inspect(is_binary(System.tmp_dir()) and System.tmp_dir() == System.tmp_dir!())
IO.inspect(System.user_home() == System.get_env("HOME"))

for f <- [
      fn -> System.fetch_env!("EMBER_ENV_T") end,
      fn -> System.put_env("A=B", "x") end,
      fn -> System.put_env("A", "x\0") end,
      fn -> System.put_env("A\0", "x") end,
      fn -> System.delete_env("A=B") end,
      fn -> System.put_env(:a, "x") end,
      fn -> System.fetch_env(:a) end,
      fn -> System.get_env("A", :x) end
    ] do
  try do
    f.()
  rescue
    e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
    e -> IO.inspect({e, Exception.message(e)})
  end
end
