-- Integer behaviour that needs 64-bit integers; the harness runs this file only when the
-- runtime's math.maxinteger is 2^63-1.
-- case: int-max-min
print(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger)
-- case: int-timestamp-ms
print(1700000000 * 1000, 5 * 1000000000)
-- case: int-shift-32
print(1 << 32, 1 << 62, 1 << 63, 0xFFFFFFFF + 1)
-- case: int-not
print(~0, ~5, ~0xFFFFFFFF)
-- case: int-hex-wrap
print(0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF, 0x10000000000000000)
-- case: int-format-d-large
print(string.format("%d", 1764601234567), string.format("%5.3d", 2^40))
-- case: int-format-x-negative
print(string.format("%x %X %o", -1, -255, -8))
-- case: int-format-u-negative
print(string.format("%u", -1))
-- case: int-format-q-min
print(string.format("%q %q", math.mininteger, math.maxinteger))
-- case: int-overflow-wrap
print(math.maxinteger * 2, math.mininteger - 1, -math.mininteger)
-- case: int-floor-div-mod-large
print(2^53 // 1 | 0, (1 << 40) // 3, (1 << 40) % 7, math.mininteger // -1, math.mininteger % -1)
-- case: int-tostring-large
print(tostring(1 << 40), 1099511627776 .. "")
-- case: int-float-compare
print(math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63, 2^53 == (1 << 53), (1 << 53) + 1 > 2^53)
-- case: int-tointeger-large
print(math.tointeger(2^53), math.tointeger(2^63), math.tointeger(-2^63))
-- case: int-pack-i8
print(string.unpack("<i8", string.pack("<i8", math.mininteger)), #string.pack("j", 1))
-- case: int-pack-J
print(string.unpack("<J", string.pack("<J", -1)))
-- case: int-ult
print(math.ult(1, -1), math.ult(-1, 1), math.ult(math.maxinteger, math.mininteger))
-- case: int-abs-min
print(math.abs(math.mininteger), math.abs(-2^31 | 0))
-- case: int-string-coercion
print("9007199254740993" + 0, math.type("9007199254740993" + 0), tonumber("9223372036854775807"), tonumber("9223372036854775808"))
-- case: int-for-loop-limit
local n = 0
-- Lua 5.3 wraps around past maxinteger (5.4 stops): the loop never ends without the break.
for i = math.maxinteger - 1, math.maxinteger do n = n + 1 if n > 4 then break end end
print(n)
-- case: int-keys
local t = {}
t[2^40] = "float key"
print(t[1 << 40], t[2^40 | 0])
-- case: int-os-time-large
print(os.date("!%Y", 2^32 | 0), os.time({ year = 2200, month = 1, day = 1, hour = 0 }))
-- case: int-shift-right-negative
print(-1 >> 1, -1 >> 63, -256 >> 4)
-- case: int-random-large
math.randomseed(1)
local r = math.random(math.mininteger, math.maxinteger)
print(math.type(r))
-- case: int-fmod-int
print(math.fmod(-7, 3), math.type(math.fmod(7, 3)), pcall(math.fmod, math.mininteger, -1))
-- case: int-2pow31-boundaries
print(2147483647 + 1, -2147483648 - 1, 2147483648 * 2, 65536 * 65536)
-- case: int-string-format-c-large
print(string.format("%c", 256 + 65), string.format("%c", -191))
-- case: int-math-floor-large
print(math.floor(2^62), math.ceil(-2^62), math.type(math.floor(2^62)))
-- case: float-int-conversions
print(3.0 | 0, 2^31 | 0, pcall(function() return 3.5 | 0 end))
-- case: math-abs-min
print(math.abs(-2147483648))
-- case: date-far-future
print(os.date("!%Y-%m-%d", 4102444800), os.date("!%Y-%m-%d", 253402300799))
-- case: time-table-out-of-bound
print(pcall(os.time, { year = 2024, month = 1, day = 1, sec = 2^40 }))
-- case: pack-s-lengths
print(#string.pack("s", "abc"), #string.pack("s2", "abc"), #string.pack("s4", "abc"))
-- case: math-tointeger
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^31), math.tointeger(-0.0))
