__ENV__.file
