foo(1) do 2 end
