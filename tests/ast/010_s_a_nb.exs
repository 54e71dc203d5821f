~S(a\nb)
