-- The math library's integer paths.
-- case: math.maxinteger and mininteger
print(math.maxinteger, math.mininteger, math.maxinteger + 1 == math.mininteger, math.type(math.maxinteger))
-- case: math.abs
print(math.abs(-2147483648), math.abs(-9007199254740993), math.abs(math.mininteger), math.abs(math.maxinteger), math.type(math.abs(-3)))
-- case: math.fmod with integers
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-6, 3), math.type(math.fmod(7, 3)))
-- case: math.fmod at the boundaries
print(math.fmod(math.mininteger, -1), math.fmod(math.mininteger, 7), math.fmod(7, math.mininteger), math.fmod(math.maxinteger, math.mininteger), math.fmod(-9007199254740993, 10))
-- case: math.fmod by zero
print(pcall(math.fmod, 1, 0))
print(pcall(math.fmod, math.mininteger, 0))
-- case: math.ult
print(math.ult(1, -1), math.ult(-1, 1), math.ult(math.maxinteger, math.mininteger), math.ult(0, math.mininteger), math.ult(-2, -1), math.ult(1 << 60, 1 << 61))
-- case: math.ult argument errors
print(pcall(math.ult, 1.5, 2))
-- case: math.random integer ranges
local ok = true
for i = 1, 200 do
  local a = math.random(math.mininteger, math.mininteger + 3)
  local b = math.random(math.maxinteger - 3, math.maxinteger)
  local c = math.random(1 << 60)
  if a < math.mininteger or a > math.mininteger + 3 or b < math.maxinteger - 3 or c < 1 or c > 1 << 60 then ok = false end
  if math.type(a) ~= "integer" or math.type(c) ~= "integer" then ok = false end
end
print(ok, math.random(5, 5), math.random(math.mininteger, math.mininteger), math.random(math.maxinteger, math.maxinteger))
-- case: math.random errors
print(pcall(math.random, math.mininteger, math.maxinteger))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0))
-- case: math.floor and ceil of integers return them
print(math.floor(math.mininteger), math.ceil(math.maxinteger), math.floor(1 << 62), math.type(math.floor(5)))
-- case: math.modf of integers and big floats
print(math.modf(5), math.modf(2^62), math.modf(-2^63))
-- case: math.min and max of integers
print(math.min(math.maxinteger, math.mininteger), math.max(math.maxinteger, math.mininteger), math.min(1 << 53, (1 << 53) + 1), math.max(-(1 << 53), -(1 << 53) - 1))
-- case: os.time returns integers
print(math.type(os.time()), math.type(os.time({year = 2026, month = 1, day = 1, hour = 12})))
