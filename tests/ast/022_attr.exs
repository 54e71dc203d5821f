@attr
