~C(a\nb)
