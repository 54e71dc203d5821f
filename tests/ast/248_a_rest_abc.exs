"a" <> rest = "abc"
