a.b(c) do end
