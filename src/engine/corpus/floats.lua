-- Float values and how tostring/print show them (%.14g, ".0" on integral values).
-- case: float-integral
print(1.0, -1.0, 100.0, 1e2, 2^10)
-- case: float-fraction
print(0.1, 0.5, 1/3, 2/3, -1/3)
-- case: float-exponent-large
print(1e15, 1e16, 1e100, 123456789012345.0, 1234567890123456.0)
-- case: float-exponent-small
print(1e-5, 1e-4, 0.0001, 1.5e-10, 5e-324)
-- case: float-inf
print(1/0, -1/0, math.huge, -math.huge)
-- case: float-nan
print(0/0 ~= 0/0, tostring(0/0) == tostring(0/0))
-- case: float-neg-zero
print(-0.0, 0.0, 0.0 * -1, -0.0 == 0.0, 1 / -0.0)
-- case: float-14-digits
print(3.14159265358979, 2^0.5, math.pi, -math.pi)
-- case: float-rounding-14
print(0.1 + 0.2, 1 - 0.9, 100 * 1.1)
-- case: float-2pow53
print(2^53, 2^53 + 1, 2^63, -2^63, 2^64)
-- case: float-max-min
print(1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324)
-- case: float-tostring-concat
print(1.5 .. "", 10.0 .. "", 1e20 .. "", (1/0) .. "", (-0.0) .. "")
-- case: float-string-coercion
print("1.5" + 0, "1e3" + 0, " 10 " + 0, "0x1p4" + 0)
-- case: float-floor-div
print(7.5 // 2, -7.5 // 2, 1 // 0.0, -1 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0)
-- case: float-mod
print(5.5 % 2, -5.5 % 2, 5.5 % -2, 1 % math.huge, -1 % math.huge, 1 % -math.huge)
-- case: float-mod-zero
print(1 % 0.0 ~= 1 % 0.0, pcall(function() return 1 % 0 end))
-- case: float-div-zero
print(pcall(function() return 1 // 0 end))
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0)
-- case: float-compare-int
print(1 < 1.5, 2 > 1.5, 1 == 1.0, 2^53 == 2^53 + 1, math.huge > 0, -math.huge < 0)
-- case: float-nan-compare
local nan = 0/0
print(nan == nan, nan < 1, nan > 1, nan <= nan, 1 < nan)
-- case: float-keys
local t = {}
t[1.5] = "a"; t[2.0] = "b"; t[-0.0] = "z"
print(t[1.5], t[2], t[0], t[-0.0])
-- case: float-literals
print(1e0, 1.e1, 0x1p-1, 0x1.8p1, 0X.8P0, 3e-0)
-- case: float-tostring-neg
print(-1.5, -1e-300, -123.456, -1e300)
-- case: float-many
for _, v in ipairs({ 0.3, 1.1, 2.675, 1e21, 1e22, 123e-20, 9007199254740993 / 1 }) do print(v) end
-- case: float-sum-loop
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1)
-- case: float-powers-of-ten
for e = -3, 17, 4 do print(10.0 ^ e) end
-- case: float-halves
print(0.5, 1.5, 2.5, 1234.5, 0.125, 0.0625)
-- case: float-print-precision-boundary
print(99999999999999.9, 999999999999999.9, 0.000099999999999999)
-- case: float-large-integral
print(1e14, 1e13 + 0.5, 123456789012.0, 2^40, 2^50)
-- case: float-nan-sign
local z = 0
print(z / z, -(z / z), math.sqrt(-1), math.huge - math.huge, string.format("%f %g %a", z / z, -(z / z), z / z))
-- case: float-nan-tostring-concat
local z = 0
print(tostring(z / z), (z / z) .. "", string.format("%5.1f|%-6g|", z / z, -(z / z)))
