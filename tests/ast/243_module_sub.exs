__MODULE__.Sub
