-- Comparisons between integers and floats are exact in Lua 5.3.
-- case: equality of integer and float
print(1 == 1.0, (1 << 53) == 2^53, (1 << 53) + 1 == 2^53, math.maxinteger == 2^63, math.mininteger == -2^63)
-- case: maxinteger against its float
print(math.maxinteger + 0.0 == math.maxinteger, math.maxinteger < math.maxinteger + 0.0, math.maxinteger <= 2^63, math.maxinteger > 2^63 - 1)
-- case: float traps near 2^53
print(2^53 == 2^53 + 1, 9007199254740993 < 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 9007199254740993 == 9007199254740992.0)
-- case: ordering of big integers
print(math.mininteger < math.maxinteger, (1 << 62) < (1 << 62) + 1, -(1 << 62) > math.mininteger, 9007199254740993 > 9007199254740992)
-- case: ordering across number forms
print(9007199254740991 < 9007199254740992, 9007199254740992 < 9007199254740993, -9007199254740993 < -9007199254740992, 2147483647 < 2147483648)
-- case: comparisons with infinities and nan
local nan = 0/0
print(math.maxinteger < math.huge, math.mininteger > -math.huge, math.maxinteger < nan, math.maxinteger == nan, math.mininteger >= nan)
-- case: le and ge at the boundary
print(math.mininteger <= -2^63, math.mininteger < -2^63, math.mininteger >= -2^63, -2^63 <= math.mininteger, 2^63 >= math.maxinteger)
-- case: rawequal and table of mixed keys
print(rawequal(1, 1.0), rawequal(1 << 60, 2^60), rawequal(1 << 60, (1 << 59) * 2), rawequal(2^53, 2^53 + 1))
-- case: math.min and max keep the kind
print(math.min(1 << 62, 2^62), math.type(math.min(1 << 62, 2^62)), math.max(math.mininteger, -2^63), math.max(3, 9007199254740993, 9007199254740992.0))
-- case: sort big integers
local t = {math.maxinteger, 0, math.mininteger, 1 << 53, (1 << 53) + 1, -(1 << 53), 9007199254740991}
table.sort(t)
print(table.concat(t, " "))
-- case: sort mixed integers and floats
local t = {2^53, (1 << 53) + 1, 1 << 53, 9007199254740991, 2^53 - 1}
table.sort(t)
for _, v in ipairs(t) do io.write(math.type(v), ":", v == 2^53 and "p53" or tostring(math.tointeger(v)), " ") end
print()
