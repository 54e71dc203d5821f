x = """
  heredoc
    indented
  done
  """
