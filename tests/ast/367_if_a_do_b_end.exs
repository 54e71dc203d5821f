if(a) do b end
