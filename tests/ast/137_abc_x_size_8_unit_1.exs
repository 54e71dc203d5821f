<<"abc", x::size(8)-unit(1)>>
