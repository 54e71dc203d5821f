"\u{10FFFF}"
