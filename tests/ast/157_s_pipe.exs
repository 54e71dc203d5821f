~s|pipe|
