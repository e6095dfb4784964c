-- Integer numerals in source code and in strings read as numbers.
-- case: decimal literals up to maxinteger
print(2147483648, 9007199254740993, 9223372036854775807, math.type(9223372036854775807))
-- case: decimal literals that overflow become floats
print(math.type(9223372036854775808), 9223372036854775808 == 2^63, math.type(18446744073709551616), math.type(-9223372036854775808))
-- case: hex literals wrap around
print(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x10000000000000000, 0x1ffffffffffffffff)
-- case: hex literals of every width
print(0xff, 0xffff, 0xffffffff, 0xfffffffff, 0xfffffffffffff, 0x1fffffffffffff, 0x20000000000001)
-- case: hex float literals stay floats
print(math.type(0x1p4), 0x1p4 == 16, math.type(0x.8), 0xA.8p0 == 10.5)
-- case: negative literals are unary minus
print(-9223372036854775807 - 1 == math.mininteger, math.type(-9223372036854775808), -0x8000000000000000)
-- case: leading zeros
print(0009007199254740993, 000, 0x0000000000000000001, 00000000000000000000009223372036854775807)
-- case: load of numerals
print(load("return 9007199254740993")(), load("return 0xffffffffffffffff")(), math.type(load("return 9223372036854775808")()))
-- case: string.dump keeps 64-bit constants
local f = load(string.dump(function() return 1 << 62, -9007199254740993, math.maxinteger end))
print(f())
-- case: exponent notation is float
print(math.type(1e2), 1e2 == 100, math.type(9007199254740993e0), 9007199254740993e0 == 2^53)
