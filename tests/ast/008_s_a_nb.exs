~s(a\nb)
