y = '''
  charlist heredoc
  '''
