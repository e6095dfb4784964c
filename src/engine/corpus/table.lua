-- The table library.
-- case: tbl-insert-remove
local t = {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "z")
print(table.concat(t, ","), table.remove(t), table.remove(t, 1), table.concat(t, ","), #t)
-- case: tbl-insert-errors
print(pcall(table.insert, {}, 5, "x"))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}))
-- case: tbl-remove-edge
local t = {}
print(table.remove(t), #t, table.remove({ 1 }, 1), pcall(table.remove, { 1, 2 }, 5))
-- case: tbl-remove-pos-len-plus-one
local t = { 1, 2 }
print(table.remove(t, 3), #t)
-- case: tbl-concat
print(table.concat({ 1, 2, 3 }), table.concat({ 1, 2, 3 }, ", "), table.concat({ 1, 2, 3 }, "-", 2), table.concat({ 1, 2, 3 }, "-", 2, 1))
-- case: tbl-concat-floats
print(table.concat({ 1.5, 2.0, 3 }, " "))
-- case: tbl-concat-error
print(pcall(table.concat, { 1, {}, 3 }))
print(pcall(table.concat, { 1, nil, 3 }, ",", 1, 3))
-- case: tbl-sort-numbers
local t = { 5, 2, 8, 1, 9, 3 }
table.sort(t)
print(table.concat(t, " "))
-- case: tbl-sort-desc
local t = { 5, 2, 8, 1, 9, 3 }
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
-- case: tbl-sort-strings
local t = { "banana", "apple", "Cherry", "date" }
table.sort(t)
print(table.concat(t, " "))
-- case: tbl-sort-mixed-error
print(pcall(table.sort, { 1, "a", 2 }))
-- case: tbl-sort-invalid-order
local ok, e = pcall(table.sort, { 5, 4, 3, 2, 1, 0, -1, -2, -3, -4, -5, -6 }, function() return true end)
print(ok, e)
-- case: tbl-unpack
print(table.unpack({ 1, 2, 3 }), table.unpack({ 1, 2, 3 }, 2), table.unpack({ 1, 2, 3 }, 2, 3), table.unpack({}, 1, 2))
-- case: tbl-pack
local p = table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3])
-- case: tbl-move
local t = table.move({ 1, 2, 3, 4, 5 }, 2, 4, 1)
print(table.concat(t, ","))
local dst = table.move({ 1, 2, 3 }, 1, 3, 3, { "a", "b" })
print(table.concat(dst, ","))
-- case: tbl-move-overlap
local t = table.move({ 1, 2, 3, 4, 5 }, 1, 4, 2)
print(table.concat(t, ","))
-- case: tbl-len-border
local t = { 1, 2, 3 }
t[5] = 5
print(#t == 3 or #t == 5)
-- case: tbl-ipairs-stop-nil
local t = { 1, 2, nil, 4 }
local n = 0
for _ in ipairs(t) do n = n + 1 end
print(n)
-- case: tbl-next-after-modify
local t = { a = 1, b = 2 }
for k in pairs(t) do t[k] = nil end
print(next(t))
-- case: tbl-sort-stability-count
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
table.sort(t)
local ok = true
for i = 2, 100 do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[100])
-- case: tbl-insert-metamethods
local log = {}
local t = setmetatable({}, { __newindex = function(tt, k, v) log[#log + 1] = k rawset(tt, k, v) end })
table.insert(t, "x")
print(#log, t[1])
-- case: tbl-unpack-too-many
print(pcall(table.unpack, {}, 1, 1e7))
-- case: tbl-concat-numbers-sep
print(table.concat({ 1, 2 }, 3))
-- case: tbl-constructor-multret
local function three() return 1, 2, 3 end
local t = { three(), three() }
local u = { three(), (three()) }
print(#t, #u)
