a * -b
