&foo/1
