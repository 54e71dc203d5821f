~s"quoted"
