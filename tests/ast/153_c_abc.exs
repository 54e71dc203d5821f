~c(abc)
