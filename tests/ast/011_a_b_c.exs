'a#{b}c'
