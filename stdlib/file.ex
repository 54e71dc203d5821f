# File on top of the I/O pool, and File.Error. Every operation is one I/O job: :ember_io.submit
# (vm/bi_file.c) copies the arguments and queues the job, and the calling process waits in a
# receive for {:"$ember_io", ref, result}, so its scheduler runs other processes meanwhile.
# The bang variants raise File.Error with Elixir 1.14's action wording.
defmodule File.Error do
  defexception [:reason, :path, action: ""]

  def message(%{action: action, reason: reason, path: path}) do
    formatted =
      case {action, reason} do
        {"remove directory", :eexist} -> "directory is not empty"
        _ -> File.Error.format_posix(reason)
      end

    where = if path == nil, do: "", else: " #{inspect(path)}"
    "could not #{action}#{where}: #{formatted}"
  end

  # :file.format_error/1 for the POSIX reasons the file built-ins return.
  def format_posix(:enoent), do: "no such file or directory"
  def format_posix(:eacces), do: "permission denied"
  def format_posix(:eexist), do: "file already exists"
  def format_posix(:eisdir), do: "illegal operation on a directory"
  def format_posix(:enotdir), do: "not a directory"
  def format_posix(:enospc), do: "no space left on device"
  def format_posix(:erofs), do: "read-only file system"
  def format_posix(:eperm), do: "not owner"
  def format_posix(:ebadf), do: "bad file number"
  def format_posix(:einval), do: "invalid argument"
  def format_posix(:eloop), do: "too many levels of symbolic links"
  def format_posix(:emfile), do: "too many open files"
  def format_posix(:enfile), do: "file table overflow"
  def format_posix(:enametoolong), do: "file name too long"
  def format_posix(:ebusy), do: "file busy"
  def format_posix(:exdev), do: "cross-domain link"
  def format_posix(:efbig), do: "file too large"
  def format_posix(:eagain), do: "resource temporarily unavailable"
  def format_posix(:enomem), do: "not enough memory"
  def format_posix(:edquot), do: "disk quota exceeded"
  def format_posix(:etxtbsy), do: "text file or pseudo-device busy"
  def format_posix(:eio), do: "I/O error"
  def format_posix(:badarg), do: "bad argument"
  def format_posix(other), do: "unknown POSIX error: #{other}"
end

defmodule File do
  def read(path), do: run(:read_file, [path])
  def write(path, content, modes \\ []), do: run(:write_file, [path, content, modes])
  def exists?(path), do: run(:exists, [path])
  def dir?(path), do: run(:dir, [path])
  def regular?(path), do: run(:regular, [path])
  def ls(path \\ "."), do: run(:ls, [path])
  def rm(path), do: run(:rm, [path])
  def rmdir(path), do: run(:rmdir, [path])
  def mkdir(path), do: run(:mkdir, [path])
  def mkdir_p(path), do: run(:mkdir_p, [path])
  def rename(source, destination), do: run(:rename, [source, destination])

  def read!(path) do
    case File.read(path) do
      {:ok, data} -> data
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: path_text(path)
    end
  end

  def write!(path, content, modes \\ []) do
    case File.write(path, content, modes) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "write to file", path: path_text(path)
    end
  end

  def ls!(path \\ ".") do
    case File.ls(path) do
      {:ok, names} -> names
      {:error, reason} -> raise File.Error, reason: reason, action: "list directory", path: path_text(path)
    end
  end

  def rm!(path) do
    case File.rm(path) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "remove file", path: path_text(path)
    end
  end

  def rmdir!(path) do
    case File.rmdir(path) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "remove directory", path: path_text(path)
    end
  end

  def mkdir!(path) do
    case File.mkdir(path) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "make directory", path: path_text(path)
    end
  end

  def mkdir_p!(path) do
    case File.mkdir_p(path) do
      :ok -> :ok
      {:error, reason} ->
        raise File.Error, reason: reason, action: "make directory (with -p)", path: path_text(path)
    end
  end

  # File.cwd/0 is a C built-in (vm/bi_file.c).
  def cwd!() do
    case File.cwd() do
      {:ok, dir} -> dir
      {:error, reason} -> raise File.Error, reason: reason, action: "get current working directory"
    end
  end

  defp path_text(path), do: IO.chardata_to_string(path)

  # Runs I/O operation [op] on the pool and waits for its result.
  defp run(op, args) do
    ref = :ember_io.submit(op, args)

    receive do
      {:"$ember_io", ^ref, result} -> result
    end
  end
end
