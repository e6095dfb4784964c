-- Bitwise operators on 64-bit integers.
-- case: and or xor at 2^31
print(0x80000000 & 0xffffffff, 0x7fffffff | 0x80000000, 0xffffffff ~ 0x0f0f0f0f, -1 & 0xffffffff)
-- case: and or xor beyond 32 bits
print((1 << 40) | 5, (1 << 40) & ((1 << 41) - 1), 0xff00ff00ff00 ~ 0x00ff00ff00ff, -1 ~ (1 << 62))
-- case: and or xor with negatives
print(-2 & -3, -2 | 3, -2 ~ 3, math.mininteger & -1, math.mininteger | 1, math.mininteger ~ math.maxinteger)
-- case: not
print(~0, ~1, ~math.maxinteger, ~math.mininteger, ~(1 << 53), ~-(1 << 53), ~0x7fffffff)
-- case: shift left
print(1 << 31, 1 << 32, 1 << 53, 1 << 62, 1 << 63, 1 << 64, 3 << 62, 0xff << 56)
-- case: shift right is logical
print(-1 >> 1, -1 >> 63, -1 >> 64, math.mininteger >> 63, math.mininteger >> 1, (1 << 62) >> 61, 0x80000000 >> 31)
-- case: negative shifts reverse direction
print(1 << -1, 2 << -1, 1 >> -3, -1 << -60, 1 >> -63, 1 >> -64, 8 >> -100)
-- case: shifts of 64 or more
print(1 << 64, 1 << 100, -1 << 64, -1 >> 100, 1 << math.maxinteger, 1 >> math.mininteger, 1 << math.mininteger)
-- case: bitwise on floats with integer values
print(2^31 | 0, 2^53 | 0, -2^63 | 0, 3.0 & 1, ~5.0, 2^62 >> 60)
-- case: bitwise on floats without integer representation
print(pcall(function() return 2^63 | 0 end))
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() local x = math.huge return x >> 1 end))
-- case: bitwise on strings
print("3" | 0, "0x10" & 0xff, "9223372036854775807" ~ 0, pcall(function() return "1.5" | 0 end))
-- case: byte extraction from a 64-bit value
local v = 0x0123456789abcdef
local out = {}
for i = 0, 7 do out[#out + 1] = (v >> (i * 8)) & 0xff end
print(table.concat(out, " "))
-- case: rotate left emulation
local function rotl(x, n) return (x << n) | (x >> (64 - n)) end
print(rotl(1, 63), rotl(math.mininteger, 1), rotl(0x0123456789abcdef, 8), rotl(-2, 1))
-- case: popcount of big values
local function popcount(x) local c = 0 while x ~= 0 do x = x & (x - 1) c = c + 1 end return c end
print(popcount(-1), popcount(math.mininteger), popcount(math.maxinteger), popcount(0x5555555555555555), popcount(1 << 53))
-- case: hash mixing like FNV-1a 64
local h = -3750763034362895579
for c in ("hello"):gmatch(".") do h = (h ~ c:byte()) * 1099511628211 end
print(h, string.format("%x", h & 0xffffffff))
