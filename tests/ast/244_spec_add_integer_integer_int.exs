@spec add(integer, integer) :: integer
