# A heredoc that is never closed.
text = """
line one
line two
IO.puts(text)
