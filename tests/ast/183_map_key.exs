map.key
