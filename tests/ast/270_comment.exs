# comment
x = 1 # trailing
# another
y = x
