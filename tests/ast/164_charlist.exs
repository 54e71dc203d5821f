'charlist é'
