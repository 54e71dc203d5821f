:"foo@bar"
