map.key.other
