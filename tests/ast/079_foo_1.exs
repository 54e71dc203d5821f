foo +1
