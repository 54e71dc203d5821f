"nested #{"inner #{x}"}"
