@spec foo(integer) :: integer
