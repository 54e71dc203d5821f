# Heredocs strip the indentation of the closing delimiter and keep a trailing newline.
text = """
  first line
    indented line
  last line
  """
IO.write(text)
name = "world"
IO.write("""
hello #{name}
bye
""")
IO.inspect("""
a
b
""")
IO.puts(String.length("""
xyz
"""))
