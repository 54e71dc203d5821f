# ember-differs: the message embeds Elixir's #Function<...> name, which ember does not reproduce
# Calling an anonymous function with the wrong number of arguments raises BadArityError.
f = fn x -> x end
IO.inspect(f.(1))
f.(1, 2)
