foo -x
