# Logger for Ember: Elixir's macros become plain functions (so `require Logger` is optional),
# printing like Elixir 1.14's default console backend: "\n14:34:50.658 [info] message\n" on
# stdout, synchronously. The level lives in the VM (:ember_logger, vm/bi_logger.c) and also
# gates the crash reports of processes. Metadata arguments are accepted and ignored.
defmodule Logger do
  def debug(message, metadata \\ []), do: log(:debug, message, metadata)
  def info(message, metadata \\ []), do: log(:info, message, metadata)
  def notice(message, metadata \\ []), do: log(:notice, message, metadata)
  def warning(message, metadata \\ []), do: log(:warning, message, metadata)
  def warn(message, metadata \\ []), do: log(:warning, message, metadata)
  def error(message, metadata \\ []), do: log(:error, message, metadata)
  def critical(message, metadata \\ []), do: log(:critical, message, metadata)
  def alert(message, metadata \\ []), do: log(:alert, message, metadata)
  def emergency(message, metadata \\ []), do: log(:emergency, message, metadata)

  def bare_log(level, message, metadata \\ []), do: log(level, message, metadata)

  # A lazy message (a zero-arity function) is only called when the level lets it through.
  def log(level, message, _metadata \\ []) do
    level = if level == :warn, do: :warning, else: level

    if :ember_logger.enabled(level) do
      :ember_logger.write(level, text(message))
    end

    :ok
  end

  def level, do: :ember_logger.level()

  # Only :level is acted on; other options (colors, format, ...) are accepted and ignored.
  def configure(options) do
    case Keyword.fetch(options, :level) do
      {:ok, level} -> :ember_logger.set_level(level)
      :error -> :ok
    end
  end

  def flush, do: :ok
  def metadata, do: []
  def metadata(_metadata), do: :ok
  def reset_metadata(_metadata \\ []), do: :ok
  def enable(_pid), do: :ok
  def disable(_pid), do: :ok

  def compare_levels(left, right) do
    left = severity(left)
    right = severity(right)

    cond do
      left < right -> :lt
      left > right -> :gt
      true -> :eq
    end
  end

  defp severity(:warn), do: severity(:warning)

  defp severity(level) do
    case level do
      :debug -> 0
      :info -> 1
      :notice -> 2
      :warning -> 3
      :error -> 4
      :critical -> 5
      :alert -> 6
      :emergency -> 7
    end
  end

  # The message as chardata: maps and keyword lists are reports, printed inspected as a list
  # of pairs; other terms (deprecated in Elixir) through to_string.
  defp text(fun) when is_function(fun, 0) do
    case fun.() do
      {message, _metadata} -> text(message)
      message -> text(message)
    end
  end

  defp text(message) when is_binary(message), do: message
  defp text(message) when is_map(message), do: inspect(Map.to_list(message))

  defp text([_ | _] = message) do
    if Keyword.keyword?(message), do: inspect(message), else: message
  end

  defp text(message) when is_list(message), do: message
  defp text(message), do: to_string(message)
end
