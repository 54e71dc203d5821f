<<a::8, b::binary>>
