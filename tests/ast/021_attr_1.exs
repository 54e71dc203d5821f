@attr 1
