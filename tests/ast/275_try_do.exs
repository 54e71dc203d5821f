try do
  :ok
catch
  kind, reason -> {kind, reason}
end
