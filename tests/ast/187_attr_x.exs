@attr[:x]
