"tab\there\x41\u00e9\u{1F600}"
