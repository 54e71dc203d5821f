foo -:a
