~s<angle>
