~S"""
  raw \n #{x}
  """
