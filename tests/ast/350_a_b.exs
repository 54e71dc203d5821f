a +++ b
