:erlang.element(1, t)
