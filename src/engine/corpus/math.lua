-- The math library.
-- case: math-floor-ceil
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(5))
-- case: math-floor-types
print(math.type(math.floor(3.7)), math.type(math.ceil(1.5)), math.floor(1e100) == 1e100, math.type(math.floor(1e100)))
-- case: math-abs
print(math.abs(-3), math.abs(3.5), math.abs(-0.0), math.abs(-1/0))
-- case: math-max-min
print(math.max(1, 5, 3), math.min(1, 5, 3), math.max(1.5, 2), math.min(-1, -1.5), math.max(3))
-- case: math-max-errors
print(pcall(math.max))
print(pcall(math.min, "x"))
-- case: math-sqrt-exp-log
print(math.sqrt(16), math.sqrt(2), math.exp(0), math.exp(1), math.log(1), math.log(8, 2), math.log(100, 10), math.log(27, 3))
-- case: math-log-special
print(math.log(0), math.log(-1) ~= math.log(-1), math.sqrt(-1) ~= math.sqrt(-1))
-- case: math-trig
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi))
-- case: math-inverse-trig
print(math.asin(1), math.acos(1), math.atan(1), math.atan(1, 2), math.atan(-1, -1), math.atan(0, -1))
-- case: math-fmod
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2), math.fmod(-7.5, 2))
-- case: math-fmod-zero
print(pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0))
-- case: math-modf
print(math.modf(3.7), math.modf(-3.7), math.modf(5), math.modf(1/0), math.modf(-1/0))
-- case: math-huge-pi
print(math.huge, -math.huge, math.pi)
-- case: math-type
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil), pcall(math.type))
-- case: math-ult-small
print(math.ult(1, 2), math.ult(2, 1), math.ult(1, 1))
-- case: math-random-range
math.randomseed(42)
local ok = true
for _ = 1, 100 do local r = math.random(1, 6) if r < 1 or r > 6 or math.type(r) ~= "integer" then ok = false end end
local f = math.random()
print(ok, f >= 0 and f < 1, math.random(3) <= 3)
-- case: math-random-errors
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 0))
-- case: math-tointeger-cases
print(math.tointeger(5), math.tointeger(5.0), math.tointeger(5.1), math.tointeger("x"), math.tointeger({}))
-- case: math-floor-string
print(math.floor("3.5"), pcall(math.floor, "x"))
-- case: math-exp-large
print(math.exp(710), math.exp(-1000))
-- case: math-rad-deg
print(math.deg(math.pi), math.rad(180), math.deg(1))
-- case: math-sqrt-int
print(math.sqrt(4), math.type(math.sqrt(4)))
-- case: math-pow-operator
print(2 ^ 3, 2 ^ -1, 0 ^ 0, (-2) ^ 2, 4 ^ 0.5)
-- case: math-floor-neg-zero
print(math.floor(-0.0), math.ceil(-0.5), math.ceil(-0.0))
