a == b and c != d
