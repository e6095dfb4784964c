-- Numeric for loops with integer control variables (Lua 5.3 rules).
-- case: loop over the safe boundary
for i = 9007199254740990, 9007199254740994 do io.write(i, " ") end
print()
-- case: loop down over the safe boundary
for i = -9007199254740990, -9007199254740994, -1 do io.write(i, " ") end
print()
-- case: loop ending at maxinteger with a break
local n = 0
for i = math.maxinteger - 2, math.maxinteger do n = n + 1 io.write(i, " ") if i == math.maxinteger then break end end
print(n)
-- case: loop starting at mininteger
for i = math.mininteger, math.mininteger + 2 do io.write(i, " ") end
print()
-- case: loop with a float limit beyond the integer range
local c = 0
for i = math.maxinteger - 1, 1e100 do c = c + 1 if c == 2 then break end end
print(c)
-- case: loop with a float limit clipped to integers
for i = 1, 3.9 do io.write(i, math.type(i), " ") end
for i = 3, 0.1, -1 do io.write(i, " ") end
print()
-- case: loop that must not run
local ran = false
for i = 1, -math.huge do ran = true end
for i = 0, math.mininteger, 1 do ran = true end
for i = math.maxinteger, 0 do ran = true end
print(ran)
-- case: big steps
for i = 0, (1 << 62) + 1, 1 << 61 do io.write(i, " ") end
print()
for i = 0, -(1 << 62) - 1, -(1 << 61) do io.write(i, " ") end
print()
-- case: float loops stay floats
for i = 1.0, 2 do io.write(math.type(i), " ") end
for i = 1, 2, 1.0 do io.write(math.type(i), " ") end
print()
-- case: loop variables as table indices
local t = {}
for i = (1 << 53) - 1, (1 << 53) + 1 do t[i] = i end
print(t[(1 << 53) - 1], t[1 << 53], t[2^53], t[(1 << 53) + 1])
-- case: while loop doubling to overflow
local v, steps = 1, 0
while v > 0 do v = v * 2 steps = steps + 1 end
print(v, steps)
