:"dyn#{x}"
