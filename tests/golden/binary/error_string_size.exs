# A literal string takes only type and endianness specifiers.
<<"a"::size(8)>> = "a"
