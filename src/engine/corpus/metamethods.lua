-- Metatables and metamethods (Lua 5.3: no __close).
-- case: mm-index-table
local base = { greet = "hi" }
local t = setmetatable({}, { __index = base })
print(t.greet, t.other, rawget(t, "greet"))
-- case: mm-index-function
local t = setmetatable({}, { __index = function(_, k) return k .. "!" end })
print(t.x, t[1])
-- case: mm-index-chain
local a = { v = 1 }
local b = setmetatable({}, { __index = a })
local c = setmetatable({}, { __index = b })
print(c.v)
-- case: mm-newindex
local log = {}
local t = setmetatable({}, { __newindex = function(tt, k, v) log[#log + 1] = k; rawset(tt, k, v * 2) end })
t.a = 1; t.a = 5
print(t.a, #log)
-- case: mm-newindex-table
local store = {}
local t = setmetatable({}, { __newindex = store })
t.x = 1
print(rawget(t, "x"), store.x)
-- case: mm-call
local t = setmetatable({}, { __call = function(self, a, b) return a + b, self end })
local r, s = t(2, 3)
print(r, s == t)
-- case: mm-concat
local t = setmetatable({}, { __concat = function(a, b) return "cat" end })
print(t .. "x", "x" .. t, 1 .. t)
-- case: mm-eq
local mt = { __eq = function() return true end }
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a == b, a ~= b, a == {}, rawequal(a, b))
-- case: mm-lt-le
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local x, y = setmetatable({ v = 1 }, mt), setmetatable({ v = 2 }, mt)
print(x < y, x > y, x <= y, x >= y)
-- case: mm-le-from-lt
local mt = { __lt = function(a, b) return a.v < b.v end }
local x, y = setmetatable({ v = 1 }, mt), setmetatable({ v = 2 }, mt)
print(pcall(function() return x <= y end))
-- case: mm-len
local t = setmetatable({ 1, 2 }, { __len = function() return 42 end })
print(#t, rawlen(t))
-- case: mm-arith
local mt = {}
for _, op in ipairs({ "add", "sub", "mul", "div", "mod", "pow", "unm", "idiv" }) do
  mt["__" .. op] = function() return op end
end
local v = setmetatable({}, mt)
print(v + 1, 1 - v, v * v, v / 2, v % 2, v ^ 2, -v, v // 2)
-- case: mm-tostring
local t = setmetatable({}, { __tostring = function() return "I am T" end })
print(t, tostring(t))
-- case: mm-tostring-non-string
local t = setmetatable({}, { __tostring = function() return 42 end })
print(pcall(tostring, t))
-- case: mm-name
local t = setmetatable({}, { __name = "MyType" })
print((tostring(t):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
-- case: mm-metatable-field
local t = setmetatable({}, { __metatable = { "fake" } })
print(getmetatable(t)[1])
-- case: mm-pairs
local t = setmetatable({}, { __pairs = function(self) return function(_, k) if not k then return 1, "one" end end, self, nil end })
for k, v in pairs(t) do print(k, v) end
-- case: mm-ipairs-index
local t = setmetatable({}, { __index = function(_, i) if i <= 3 then return i * 10 end end })
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
-- case: mm-string-metatable
print(getmetatable("").__index == string, ("x"):upper())
-- case: mm-index-rawget-bypass
local t = setmetatable({}, { __index = function() return "meta" end })
t.real = "raw"
print(t.real, t.fake, rawget(t, "fake"))
-- case: mm-inheritance
local Animal = {}
Animal.__index = Animal
function Animal.new(name) return setmetatable({ name = name }, Animal) end
function Animal:speak() return self.name .. " makes a sound" end
local Dog = setmetatable({}, { __index = Animal })
Dog.__index = Dog
function Dog.new(name) return setmetatable(Animal.new(name), Dog) end
function Dog:speak() return self.name .. " barks" end
print(Animal.new("cat"):speak(), Dog.new("rex"):speak())
-- case: mm-eq-different-types
local t = setmetatable({}, { __eq = function() return true end })
print(t == 1, t == "x")
-- case: mm-lt-mixed-error
local t = setmetatable({}, {})
print(pcall(function() return t < 1 end))
-- case: mm-call-non-function
local t = setmetatable({}, { __call = 5 })
print(pcall(t))
-- case: mm-index-depth
local t = setmetatable({}, { __index = setmetatable({}, { __index = setmetatable({}, { __index = { deep = "yes" } }) }) })
print(t.deep)
-- case: mm-gc-field-accepted
local t = setmetatable({}, { __gc = function() end })
print(type(t))
-- case: mm-mode-weak
local t = setmetatable({}, { __mode = "k" })
t[{}] = 1
print(type(next(t)))
-- case: mm-getmetatable-string-functions
print(getmetatable(1), getmetatable(nil), type(getmetatable("")))
-- case: mm-setmetatable-nil
local t = setmetatable({}, { __index = { a = 1 } })
setmetatable(t, nil)
print(t.a, getmetatable(t))
-- case: mm-setmetatable-errors
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
-- case: mm-unm-len-concat-numbers
local mt = { __unm = function(a) return "neg" end, __len = function() return "len" end }
local v = setmetatable({}, mt)
print(-v, #v)
-- case: mm-band-on-number-string
print(pcall(function() return "abc" & 1 end))
