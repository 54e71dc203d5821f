<<x::binary-size(4), rest::binary>> = bin
