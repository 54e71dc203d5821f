~s'single'
