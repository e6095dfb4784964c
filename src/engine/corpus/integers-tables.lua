-- Integer and float keys in tables, and the table library with big indices.
-- case: float keys with integer values are integer keys
local t = {}
t[2^40] = "a"
t[(2^40) | 0] = "b"
t[1] = "c"
t[1.0] = "d"
print(t[2^40], t[1 << 40], t[1], t[1.0])
-- case: big keys hash consistently
local t = {}
t[1 << 60] = "x"
t[2^53] = "y"
t[-2^63] = "z"
print(t[2^60], t[1 << 53], t[math.mininteger], t[(1 << 53) + 1], t[2^53 + 1])
-- case: keys from next keep their kind
local t = {[2^60] = true, [2^53] = true, [1.5] = true}
local kinds = {}
for k in pairs(t) do kinds[#kinds + 1] = math.type(k) end
table.sort(kinds)
print(table.concat(kinds, " "))
-- case: keys beyond the integer range stay floats
local t = {[2^63] = 1, [2^64] = 2}
for k, v in pairs(t) do io.write(math.type(k), v, " ") end
print(t[2^63], t[math.mininteger])
-- case: neighbouring big keys are distinct
local t = {}
for i = 0, 4 do t[(1 << 53) + i] = i end
print(t[1 << 53], t[(1 << 53) + 1], t[(1 << 53) + 2], t[(1 << 53) + 3], t[(1 << 53) + 4])
-- case: length with big keys present
local t = {1, 2, 3, [1 << 60] = 4, [math.maxinteger] = 5}
print(#t, t[math.maxinteger], rawlen(t))
-- case: table.insert with big positions
local t = {1}
print(pcall(table.insert, t, 1 << 62, "x"))
print(pcall(table.insert, t, math.mininteger, "x"))
print(pcall(table.insert, t, 0, "x"), pcall(table.insert, t, 3, "x"), pcall(table.insert, t, 2, "y"), #t)
-- case: table.remove with big positions
print(pcall(table.remove, {}, 1 << 62))
print(pcall(table.remove, {1, 2}, math.mininteger))
print(table.remove({1, 2, 3}, 1), table.remove({}), table.remove({}, 0), table.remove({5}, 2))
-- case: table.unpack with huge ranges
print(pcall(table.unpack, {}, 1, math.maxinteger))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack, {}, 1, 1e6))
print(table.unpack({1, 2, 3}, math.maxinteger, math.mininteger))
-- case: table.unpack near maxinteger
local t = {[math.maxinteger - 1] = "a", [math.maxinteger] = "b"}
print(table.unpack(t, math.maxinteger - 1, math.maxinteger))
print(table.unpack({[math.mininteger] = "m"}, math.mininteger, math.mininteger))
-- case: table.move with big ranges
print(pcall(table.move, {1}, 1, math.maxinteger, 2))
print(pcall(table.move, {1}, math.mininteger, 1, 1))
print(pcall(table.move, {1}, 1, 2, math.maxinteger))
local r = table.move({1, 2}, 1, 2, math.maxinteger - 1)
print(r[math.maxinteger - 1], r[math.maxinteger])
-- case: table.concat with big bounds
print(table.concat({}, ",", math.maxinteger, math.mininteger), pcall(table.concat, {}, ",", math.maxinteger, math.maxinteger))
local t = {[1 << 60] = "a", [(1 << 60) + 1] = "b"}
print(table.concat(t, "-", 1 << 60, (1 << 60) + 1))
-- case: select with big indices
print(pcall(select, math.mininteger, 1, 2))
print(select(-1, 1, 2, 3), select(math.maxinteger, 1, 2), select("#", select(1 << 53, 1)))
-- case: ipairs over big keys stops
local t = {[math.maxinteger] = 1}
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
-- case: integer-keyed sequence after arithmetic
local t = {}
for i = 1, 5 do t[i * (1 << 50) // (1 << 50)] = i end
print(#t, t[5], t[5.0])
-- case: table.pack count is an integer
local p = table.pack(1, nil, 3)
print(p.n, math.type(p.n))
