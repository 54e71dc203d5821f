"""
  foo
    bar #{x}
  """
