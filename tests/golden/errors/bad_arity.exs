# ember-differs: #Function<0.N in file:...> shows a stable hash where BEAM shows its module md5 (0.31928241 here)
# Calling an anonymous function with the wrong number of arguments raises BadArityError.
f = fn x -> x end
IO.inspect(f.(1))
f.(1, 2)
