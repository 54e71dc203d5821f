foo do end
