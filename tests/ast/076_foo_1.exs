foo -[1]
