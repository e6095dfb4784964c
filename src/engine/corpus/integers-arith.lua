-- Integer arithmetic at the boundaries of 32-bit, 53-bit (JS safe) and 64-bit integers.
-- Each case is a standalone chunk; floats are shown through comparisons, not printed.
-- case: add around 2^31
print(2147483647 + 1, -2147483648 - 1, 2147483647 + 2147483647, -2147483648 + -2147483648)
-- case: add around 2^53
print(9007199254740991 + 1, 9007199254740992 + 1, -9007199254740991 - 1, -9007199254740992 - 1)
-- case: add wraps at 2^63
print(math.maxinteger + 1, math.mininteger - 1, math.maxinteger + math.maxinteger, math.mininteger + math.mininteger)
-- case: sub across the safe range
print(9007199254740993 - 2, -9007199254740993 + 2, math.mininteger - math.maxinteger, 0 - math.mininteger)
-- case: mul of everyday timestamps
print(1700000000 * 1000, 5 * 1000000000, 1764601234567 * 1000, 86400 * 365 * 1000 * 1000)
-- case: mul around 2^31 and 2^53
print(65536 * 65536, 2147483648 * 2147483648, 94906265 * 94906267, 3037000499 * 3037000499)
-- case: mul wraps at 2^63
print(3037000500 * 3037000500, -3037000500 * 3037000500, math.maxinteger * 2, math.mininteger * -1, math.maxinteger * math.maxinteger)
-- case: mul by zero has no sign
local z = 0 * -1
print(z, math.type(z), 1 / (z + 0.0) > 0, -0 == 0)
-- case: unary minus
print(-math.maxinteger, -math.mininteger, -(2^31 | 0), -(-9007199254740993), -(1 << 53))
-- case: floor division of integers
print(7 // 2, -7 // 2, 7 // -2, -7 // -2, 0 // 5, 0 // -5)
-- case: floor division at the boundaries
print(math.maxinteger // 2, math.mininteger // 2, math.mininteger // -1, math.maxinteger // -1, math.mininteger // math.maxinteger)
-- case: floor division beyond 2^53
print(9007199254740993 // 3, -9007199254740993 // 3, (1 << 62) // 7, -(1 << 62) // 7, 9007199254740993 // -1)
-- case: modulo of integers
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 6 % -3, -6 % 3)
-- case: modulo at the boundaries
print(math.maxinteger % 2, math.mininteger % 2, math.mininteger % -1, math.maxinteger % -1, math.mininteger % math.maxinteger, math.maxinteger % math.mininteger)
-- case: modulo beyond 2^53
print(9007199254740993 % 10, -9007199254740993 % 10, (1 << 62) % 1000000007, math.mininteger % 1000000007, 5 % math.mininteger)
-- case: division by zero
print(pcall(function() local a, b = 1, 0 return a // b end))
print(pcall(function() local a, b = 1, 0 return a % b end))
print(pcall(function() local a, b = math.mininteger, 0 return a // b end))
-- case: float division of integers
local a = math.maxinteger / 1
print(math.type(a), a == 2^63, 7 / 2 == 3.5, math.type(4 / 2))
-- case: mixed integer and float results are floats
local x = math.maxinteger + 0.0
local y = (1 << 53) + 1.0
print(math.type(x), x == 2^63, math.type(y), y == 2^53, math.type(3 * 1.0))
-- case: power is always float
print(math.type(2^2), 2^53 == 1 << 53, 2^63 == math.mininteger * -1.0, math.type(10^0))
-- case: integer arithmetic on strings
print("10" + 1 == 11, "0x10" + 0 == 16, "9007199254740993" + 0 == 9007199254740993, math.type("10" + 1), math.type("10" * "2"), "10" // "3" == 3)
-- case: string numerals beyond the safe range
local a, b = "9223372036854775807" + 0, "-9223372036854775808" + 0
print(math.type(a), a == 2^63, b == -2^63, math.type("9223372036854775808" + 0), "0xffffffffffffffff" + 0 == -1, math.type("0xff" + 0))
-- case: accumulate large sums
local s = 0
for i = 1, 100 do s = s + 100000000000000000 end
print(s)
-- case: factorial wraps like C
local f = 1
for i = 1, 25 do f = f * i print(i, f) end
-- case: fibonacci past 2^63
local p, q = 0, 1
for i = 1, 95 do p, q = q, p + q end
print(p, q)
-- case: arithmetic metamethods still get integers
local mt = {__add = function(a, b) return math.type(b) .. ":" .. tostring(b) end}
print(setmetatable({}, mt) + (1 << 60), setmetatable({}, mt) + math.mininteger)
-- case: constant folding matches runtime arithmetic
local m = math.maxinteger
print(9223372036854775807 + 1, m + 1, 3037000500 * 3037000500, (function(a, b) return a * b end)(3037000500, 3037000500))
