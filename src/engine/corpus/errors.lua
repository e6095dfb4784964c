-- error, pcall, xpcall, error objects and levels, messages of runtime errors.
-- case: error-string
print(pcall(error, "msg"))
-- case: error-level-1
print(pcall(function() error("boom") end))
-- case: error-level-2
local function check(x) if not x then error("bad input", 2) end end
print(pcall(function() check(false) end))
-- case: error-level-0
print(pcall(function() error("no position", 0) end))
-- case: error-table
local ok, e = pcall(error, { code = 42 })
print(ok, type(e), e.code)
-- case: error-nil
print(pcall(error))
print(pcall(error, nil))
-- case: error-number
print(pcall(error, 42))
local ok, e = pcall(function() error(42) end)
print(ok, e, math.type(e))
-- case: error-rethrow
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, "inner")
  error(e2, 0)
end)
print(ok, e)
-- case: error-tostring-meta
local obj = setmetatable({}, { __tostring = function() return "custom error" end })
local ok, e = pcall(error, obj)
print(ok, tostring(e), e == obj)
-- case: xpcall-handler
print(xpcall(function() error("x") end, function(m) return "handled: " .. m end))
-- case: xpcall-args
print(xpcall(function(a, b) return a + b end, print, 3, 4))
-- case: xpcall-traceback-type
local ok, tb = xpcall(function() error("deep") end, debug.traceback)
print(ok, type(tb), tb:match("^[^\n]*"))
-- case: xpcall-handler-error
print(xpcall(function() error("a") end, function() error("b") end))
-- case: pcall-returns
print(pcall(function() return 1, 2, 3 end))
-- case: pcall-not-function
print(pcall(42))
print(pcall())
-- case: error-in-metamethod
local t = setmetatable({}, { __index = function(_, k) error("no field " .. k) end })
print(pcall(function() return t.foo end))
-- case: error-arith-messages
print(pcall(function() local a = {} return a + 1 end))
print(pcall(function() local a = "x" return -a end))
print(pcall(function() return 2 ^ {} end))
-- case: error-compare-messages
print(pcall(function() return 1 < {} end))
print(pcall(function() return "a" < 1 end))
print(pcall(function() return {} <= {} end))
-- case: error-call-field
local t = { sub = {} }
print(pcall(function() t.sub.fn() end))
print(pcall(function() t.missing() end))
-- case: error-index-local
print(pcall(function() local cfg = nil; return cfg.port end))
-- case: error-index-global
print(pcall(function() return undefinedglobal.x end))
-- case: error-index-upvalue
local captured
print(pcall(function() return captured.x end))
-- case: error-index-field
local t = {}
print(pcall(function() return t.a.b end))
-- case: error-concat-messages
print(pcall(function() local x = {} return "a" .. x end))
print(pcall(function() return 1 .. nil end))
-- case: error-bad-argument
print(pcall(string.rep))
print(pcall(string.sub))
print(pcall(("x").rep, "x", "y"))
print(pcall(table.insert, 1, 2))
print(pcall(setmetatable, 1, {}))
print(pcall(ipairs))
-- case: error-bad-self
print(pcall(function() return ("x"):rep({}) end))
-- case: error-tostring-no-value
print(pcall(tostring))
-- case: assert-cases
print(pcall(assert, false))
print(pcall(assert, nil, "custom"))
print(pcall(assert, 1, 2, 3))
print(select("#", pcall(assert, false, { 1 })), type(select(2, pcall(assert, false, { 1 }))))
print(pcall(assert))
-- case: error-in-coroutine
local co = coroutine.create(function() error("in co") end)
print(coroutine.resume(co))
print(coroutine.status(co))
-- case: error-position-line
print(pcall(function()
  local x = 1
  error("line three")
end))
-- case: error-with-level-nested
local function lvl3() error("from 3", 3) end
local function lvl2() lvl3() end
print(pcall(function() lvl2() end))
-- case: error-integer-overflow-for
print(pcall(function() for i = 1, 10, 0 do end end))
-- case: error-for-non-number
print(pcall(function() for i = "a", 2 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
-- case: error-setmetatable-protected
local t = setmetatable({}, { __metatable = "locked" })
print(getmetatable(t), pcall(setmetatable, t, {}))
-- case: error-string-index
print(pcall(function() local s = "x" return s.y.z end))
-- case: error-call-number
print(pcall(function() local n = 5 n() end))
-- case: error-rawset-errors
print(pcall(rawset, 1, 2, 3))
print(pcall(rawset, {}, nil, 1))
-- case: error-tostring-of-error-number
local ok, e = pcall(error, 1.5)
print(e, math.type(e))
-- case: error-next-invalid
print(pcall(next, {}, "nokey"))
-- case: error-select-index
print(pcall(select, "x"))
