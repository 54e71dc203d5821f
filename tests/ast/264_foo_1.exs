foo-1
