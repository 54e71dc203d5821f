a --- b
