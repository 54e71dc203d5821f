&String.upcase/1
