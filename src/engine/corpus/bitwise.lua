-- Bitwise operators on values that fit in 32 bits (the 64-bit ones are in integers-*.lua).
-- case: bit-and-or-xor
print(5 & 3, 5 | 3, 5 ~ 3, 0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ~ 0x0F)
-- case: bit-not-small
print(~0 == -1, ~5 == -6, ~~7)
-- case: bit-shifts-small
print(1 << 4, 256 >> 4, 1 << 0, 5 >> 0, 3 << 1 >> 1)
-- case: bit-shift-large
print(1 << 64, 1 >> 64, 1 << 100, -1 >> 64)
-- case: bit-negative-shift
print(1 << -1, 8 >> -1, 16 << -2)
-- case: bit-float-args
print(3.0 & 1, 2^4 | 0, "3" & 1)
-- case: bit-errors
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return "a" | 1 end))
print(pcall(function() return {} ~ 1 end))
print(pcall(function() return 1 << 0.5 end))
-- case: bit-precedence
print(1 | 2 & 3, 1 | 2 ~ 3, 1 << 2 + 1, 5 & 6 == 4)
-- case: bit-string-coercion
print("0x10" | 0, "8" >> 1, pcall(function() return "1.5" | 0 end))
-- case: bit-metamethods
local mt = { __band = function() return "band" end, __shl = function() return "shl" end, __bnot = function() return "bnot" end }
local v = setmetatable({}, mt)
print(v & 1, 1 << v, ~v)
-- case: bit-mask-ops
local flags = 0
flags = flags | 0x4
flags = flags | 0x1
print(flags, flags & 0x4 ~= 0, flags & ~0x4)
