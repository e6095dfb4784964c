-- Every binary integer operator over values at ±2^31, ±2^53 and ±2^63 (checked against lua5.3).
-- case: add over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a + b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: sub over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a - b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: mul over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a * b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: idiv over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if b ~= 0 then row[#row + 1] = tostring(a // b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: mod over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if b ~= 0 then row[#row + 1] = tostring(a % b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: band over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a & b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: bor over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a | b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: bxor over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a ~ b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: lt over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a < b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: le over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a <= b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: eq over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  for _, b in ipairs(V) do
    if true then row[#row + 1] = tostring(a == b) end
  end
  print(table.concat(row, " ")) row = {}
end
-- case: shifts over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local S = {0, 1, 31, 32, 52, 53, 63, 64, 65, -1, -31, -32, -63, -64, math.maxinteger, math.mininteger}
for _, a in ipairs(V) do
  local row = {}
  for _, s in ipairs(S) do row[#row + 1] = (a << s) .. "/" .. (a >> s) end
  print(table.concat(row, " "))
end
-- case: unary operators over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do row[#row + 1] = (-a) .. "/" .. (~a) .. "/" .. math.abs(a) end
print(table.concat(row, " "))
-- case: comparisons with floats over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local F = {2^31, -2^31, 2^53, -2^53, 2^53 + 2, 2^63, -2^63, 2^62, 0.5, -0.5, math.huge, -math.huge}
for _, a in ipairs(V) do
  local row = {}
  for _, f in ipairs(F) do
    row[#row + 1] = (a < f and "<" or "") .. (a <= f and "l" or "") .. (a == f and "=" or "") .. (f < a and ">" or "")
  end
  print(table.concat(row, " "))
end
-- case: integer to float conversion over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local row = {}
for _, a in ipairs(V) do
  local f = a + 0.0
  row[#row + 1] = tostring(math.tointeger(f)) .. (f == a and "" or "~")
end
print(table.concat(row, " "))
-- case: tostring and tonumber round trip over boundary values
local V = {0, 1, -1, 2, 7, -7, 0x7fffffff, 0x80000000, -0x80000000, -0x80000001, 0xffffffff, (1 << 53) - 1, 1 << 53, (1 << 53) + 1, -(1 << 53) + 1, -(1 << 53), -(1 << 53) - 1, 1 << 62, math.maxinteger - 1, math.maxinteger, math.mininteger + 1, math.mininteger}
local ok = 0
for _, a in ipairs(V) do
  local s = tostring(a)
  if tonumber(s) == a and math.type(tonumber(s)) == "integer" and tonumber(s, 10) == a then ok = ok + 1 else print("mismatch", s) end
end
print(ok, #V)
