~s(a\)b\\c)
