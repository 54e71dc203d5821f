:lists.reverse([1, 2])
