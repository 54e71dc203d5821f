# Sigils with modifiers
IO.inspect(~w(a b c))
IO.inspect(~w(a b c)a)
IO.inspect(~w(a b c)c)
IO.inspect(~w(a b c)s)
IO.inspect(~s(with "quotes" and #{1 + 1}))
IO.inspect(~S(no #{interp} \n here))
IO.inspect(~c(chars))
IO.inspect(~s[brackets (nested) ok])
IO.inspect(~s{braces})
IO.inspect(~s<angle>)
IO.inspect(~s|pipe|)
IO.inspect(~s/slash/)
IO.inspect(~w[one   two
three])
IO.inspect(~S"""
raw heredoc \t #{x}
""")
IO.inspect(~C(raw #{c}))
IO.inspect(~W(a#{1} b))
