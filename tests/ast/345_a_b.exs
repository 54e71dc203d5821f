a <<< b
