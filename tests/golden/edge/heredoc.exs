# Heredoc indentation
defmodule H do
  def text do
    """
    line one
      indented two
    line three
    """
  end
  def mixed do
    """
      all indented
      twice
    """
  end
end
IO.write(H.text())
IO.inspect(H.text())
IO.inspect(H.mixed())
x = """
no trailing newline\
"""
IO.inspect(x)
y = """
with #{1 + 2} interp
\ttab
"""
IO.inspect(y)
z = '''
charlist heredoc
'''
IO.inspect(z)
IO.inspect("""
   \"""quoted\"""
   """)
