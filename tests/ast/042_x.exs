^x
