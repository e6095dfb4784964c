-- Conversions between strings, floats and integers.
-- case: tonumber without base
print(tonumber("9007199254740993"), tonumber("-9223372036854775808"), tonumber("0x7fffffffffffffff"), tonumber("  42  "), tonumber("0x"), tonumber("1 2"))
-- case: tonumber without base gives floats for overflow
print(math.type(tonumber("9223372036854775808")), tonumber("9223372036854775808") == 2^63, math.type(tonumber("-9223372036854775809")))
-- case: tonumber with base
print(tonumber("102", 2), tonumber("101", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("Zz", 36), tonumber("777", 8))
-- case: tonumber with base wraps at 64 bits
print(tonumber("7fffffffffffffff", 16), tonumber("8000000000000000", 16), tonumber("ffffffffffffffff", 16), tonumber("10000000000000001", 16))
-- case: tonumber with base 10 and big values
print(tonumber("9223372036854775807", 10), tonumber("9223372036854775808", 10), tonumber("-9223372036854775808", 10), tonumber("99999999999999999999", 10))
-- case: tonumber with base rejects junk
print(tonumber("", 10), tonumber(" ", 10), tonumber("-", 10), tonumber("1.5", 10), tonumber("0x10", 16), tonumber("1e5", 10), tonumber("12 ", 10), tonumber(" -7 ", 10))
-- case: tonumber with base errors
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 16))
-- case: math.tointeger
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(2^53), math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(2^62))
-- case: math.tointeger of other values
print(math.tointeger(math.maxinteger), math.tointeger("8"), math.tointeger("x"), math.tointeger({}), math.tointeger(0/0), math.tointeger(math.huge))
-- case: math.type
print(math.type(1), math.type(1.0), math.type(1 << 62), math.type(2^62), math.type("1"), math.type(nil))
-- case: float to integer conversions in operators
print(2^53 | 0, -2^53 | 0, 2^62 | 0, -2^63 | 0, 1e15 | 0, pcall(function() return 1e19 | 0 end))
-- case: floor and ceil give integers when they fit
print(math.floor(2^62), math.ceil(-2^62), math.floor(-2^63), math.type(math.floor(2^63)), math.floor(2^63) == 2^63, math.floor(-3.5), math.ceil(-0.5))
-- case: string coercion of integers
print(1 << 62 .. "", math.mininteger .. "|", tostring(math.maxinteger), #tostring(math.mininteger), (1 << 53) + 1 .. "")
-- case: concat of integers in a loop
local parts = {}
for i = 0, 3 do parts[#parts + 1] = (1 << 61) * i end
print(table.concat(parts, ","))
-- case: string to integer via arithmetic keeps exactness
-- (arithmetic on strings converts them to floats in Lua 5.3; bitwise keeps integers)
print(("9007199254740993" - 1) == 2^53, math.type("-9007199254740993" // 1), "0x8000000000000000" | 0, "9007199254740993" | 0, " 0x10 " & 0xff)
-- case: integer keys from strings stay strings
local t = {}
t["9007199254740993"] = "s"
t[9007199254740993] = "i"
print(t["9007199254740993"], t[9007199254740993], t[tonumber("9007199254740993")])
