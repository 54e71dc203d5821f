:"foo-bar"
