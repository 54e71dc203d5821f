Enum.sort(l, &>=/2)
f = &*/2
g = &-/1
