not true
