# System: the functions written in Ember, and System.EnvError. The rest (argv, halt, get_env/1,
# time) are C built-ins (vm/bi_system.c); the environment and directory helpers call
# :ember_os (vm/os/os_env.c). System.cmd/3 runs the program on the I/O pool through :ember_os.cmd
# (vm/os/os_cmd.c) and waits in a receive for {:"$ember_io", ref, result}, so a long-running
# command never holds up other processes. The child's stdin is /dev/null.
defmodule System.EnvError do
  defexception [:env]

  def message(%{env: env}),
    do: "could not fetch environment variable #{inspect(env)} because it is not set"
end

defmodule System do
  # ==== Environment ====

  def get_env do
    Enum.into(:ember_os.environ(), %{}, fn entry ->
      [name, value] = :binary.split(entry, "=")
      {name, value}
    end)
  end

  def get_env(name, default) when is_binary(name) and (is_binary(default) or is_nil(default)) do
    case System.get_env(name) do
      nil -> default
      value -> value
    end
  end

  def fetch_env(name) when is_binary(name) do
    case System.get_env(name) do
      nil -> :error
      value -> {:ok, value}
    end
  end

  def fetch_env!(name) when is_binary(name) do
    System.get_env(name) || raise(System.EnvError, env: name)
  end

  def put_env(name, value) when is_binary(name) and is_binary(value) do
    if String.contains?(name, "=") do
      raise ArgumentError,
            "cannot execute System.put_env/2 for key with \"=\", got: #{inspect(name)}"
    end

    :ember_os.putenv(name, value)
  end

  def put_env(pairs) do
    Enum.each(pairs, fn
      {name, nil} -> :ember_os.unsetenv(to_string(name))
      {name, value} -> :ember_os.putenv(to_string(name), to_string(value))
    end)
  end

  def delete_env(name) when is_binary(name), do: :ember_os.unsetenv(name)

  # ==== Directories ====

  def tmp_dir do
    env_dir("TMPDIR") || env_dir("TEMP") || env_dir("TMP") || writable("/tmp") ||
      writable(File.cwd!())
  end

  def tmp_dir! do
    tmp_dir() ||
      raise RuntimeError,
        message:
          "could not get a writable temporary directory, please set the TMPDIR environment variable"
  end

  def user_home, do: System.get_env("HOME")

  def user_home! do
    user_home() ||
      raise RuntimeError,
        message: "could not find the user home, please set the HOME environment variable"
  end

  defp env_dir(name) do
    case System.get_env(name) do
      nil -> nil
      dir -> writable(dir)
    end
  end

  defp writable(dir), do: if(:ember_os.writable_dir(dir), do: dir, else: nil)

  # ==== External programs ====

  def cmd(command, args, opts \\ []) when is_binary(command) and is_list(args) do
    if String.contains?(command, <<0>>) do
      raise ArgumentError,
            "cannot execute System.cmd/3 for program with null byte, got: #{inspect(command)}"
    end

    unless Enum.all?(args, &is_binary/1) do
      raise ArgumentError, "all arguments for System.cmd/3 must be binaries"
    end

    path =
      if String.starts_with?(command, "/") do
        command
      else
        find_executable(command) || :erlang.error(:enoent, [command, args, opts])
      end

    {into, cd, env, stderr_to_stdout, arg0} = cmd_opts(opts, {"", nil, [], false, path})

    case run_cmd(path, [arg0 | args], cd, env, stderr_to_stdout) do
      {:ok, output, status} ->
        {collect(into, output), status}

      {:error, reason} ->
        :erlang.error(reason, [command, args, opts])
    end
  end

  # Runs [path] with [argv] on the I/O pool: {:ok, output, exit_status} or {:error, reason}.
  # Also used by :os.cmd/1 (stdlib/erlang_os.ex).
  def run_cmd(path, argv, cd, env, stderr_to_stdout) do
    ref = :ember_os.cmd(path, argv, cd, env, stderr_to_stdout)

    receive do
      {:"$ember_io", ^ref, result} -> result
    end
  end

  # The output added to the :into collectable, as one chunk (a port's chunking is arbitrary).
  defp collect(into, output) when is_binary(into), do: into <> output
  defp collect(into, "") when is_list(into), do: into
  defp collect(into, output) when is_list(into), do: into ++ [output]
  defp collect(into, output), do: Enum.into([output], into)

  defp cmd_opts([{:into, into} | rest], {_, cd, env, err, arg0}),
    do: cmd_opts(rest, {into, cd, env, err, arg0})

  defp cmd_opts([{:cd, cd} | rest], {into, _, env, err, arg0}) when is_binary(cd),
    do: cmd_opts(rest, {into, cd, env, err, arg0})

  defp cmd_opts([{:arg0, arg0} | rest], {into, cd, env, err, _}) when is_binary(arg0),
    do: cmd_opts(rest, {into, cd, env, err, arg0})

  defp cmd_opts([{:stderr_to_stdout, err} | rest], {into, cd, env, _, arg0}) when is_boolean(err),
    do: cmd_opts(rest, {into, cd, env, err, arg0})

  defp cmd_opts([{:parallelism, flag} | rest], acc) when is_boolean(flag), do: cmd_opts(rest, acc)

  defp cmd_opts([{:env, pairs} | rest], {into, cd, env, err, arg0}),
    do: cmd_opts(rest, {into, cd, env ++ validate_env(pairs), err, arg0})

  defp cmd_opts([{key, value} | _], _acc),
    do: raise(ArgumentError, "invalid option #{inspect(key)} with value #{inspect(value)}")

  defp cmd_opts([], acc), do: acc

  defp validate_env(pairs) do
    Enum.map(pairs, fn
      {name, nil} ->
        String.to_charlist(name)
        {name, nil}

      {name, value} ->
        String.to_charlist(name)
        String.to_charlist(value)
        {name, value}

      other ->
        raise ArgumentError, "invalid environment key-value #{inspect(other)}"
    end)
  end

  # The path of executable [program]: checked as it is when absolute, else searched for in the
  # directories of $PATH. nil when not found.
  def find_executable(program) when is_binary(program) do
    :ember_os.find_executable(program)
  end
end
