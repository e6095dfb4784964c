-- tonumber and string-to-number conversions.
-- case: tonumber-basic
print(tonumber("10"), tonumber("10.5"), tonumber("  7  "), tonumber("1e2"), tonumber(".5"), tonumber("5."))
-- case: tonumber-hex
print(tonumber("0x10"), tonumber("0X1f"), tonumber("0x1p4"), tonumber("0x.8"), tonumber("-0x10"))
-- case: tonumber-invalid
print(tonumber("abc"), tonumber(""), tonumber(" "), tonumber("1 2"), tonumber("1e"), tonumber("0x"), tonumber("--1"))
-- case: tonumber-non-string
print(tonumber(nil), tonumber(true), tonumber({}), tonumber(5), tonumber(5.5))
-- case: tonumber-base
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8), tonumber("zz", 36), tonumber("11", 2))
-- case: tonumber-base-spaces-sign
print(tonumber(" ff ", 16), tonumber("-ff", 16), tonumber("- ff", 16), tonumber("", 10))
-- case: tonumber-base-errors
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 16))
print(pcall(tonumber))
-- case: tonumber-inf-nan-strings
print(tonumber("inf"), tonumber("nan"), tonumber("infinity"), tonumber("1e400"), tonumber("-1e400"))
-- case: tonumber-leading-zeros
print(tonumber("007"), tonumber("0.50"), tonumber("00x1"))
-- case: tonumber-type
print(math.type(tonumber("10")), math.type(tonumber("10.0")), math.type(tonumber("1e1")), math.type(tonumber("0x10")))
-- case: tonumber-whitespace-kinds
print(tonumber("\t10\n"), tonumber("\v5\f"), tonumber("1\0"))
-- case: tostring-tonumber-roundtrip
for _, v in ipairs({ 0.1, 1/3, 123.456, 1e-7 }) do io.write(tostring(tonumber(tostring(v)) == v), " ") end print()
-- case: string-to-number-arith
print("10" * 2, "0x10" * 1, " 5 " + 0, pcall(function() return "5x" + 0 end))
