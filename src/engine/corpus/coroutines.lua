-- Coroutines created by the script (the top level of the runtime is a task; see docs).
-- case: co-basic
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co))
-- case: co-status
local co
co = coroutine.create(function() print(coroutine.status(co)) coroutine.yield() end)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
-- case: co-wrap
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
-- case: co-wrap-error
local f = coroutine.wrap(function() error("wrapped") end)
print(pcall(f))
-- case: co-wrap-dead
local f = coroutine.wrap(function() end)
f()
print(pcall(f))
-- case: co-resume-dead
local co = coroutine.create(function() end)
coroutine.resume(co)
print(coroutine.resume(co))
-- case: co-isyieldable-inside
local co = coroutine.create(function() return coroutine.isyieldable() end)
print(coroutine.resume(co))
-- case: co-running-inside
local co
co = coroutine.create(function() local r, main = coroutine.running() return r == co, main end)
print(coroutine.resume(co))
-- case: co-generator
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local s = 0
for i in range(10) do s = s + i end
print(s)
-- case: co-nested
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("inner1") coroutine.yield("inner2") end)
  coroutine.yield(inner())
  coroutine.yield(inner())
  coroutine.yield("outer")
end)
print(outer(), outer(), outer())
-- case: co-yield-across-pcall
local co = coroutine.create(function()
  local ok, v = pcall(function() local x = coroutine.yield(1) return x * 2 end)
  return ok, v
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 21))
-- case: co-error-object
local co = coroutine.create(function() error({ code = 7 }) end)
local ok, e = coroutine.resume(co)
print(ok, type(e), e.code)
-- case: co-resume-non-coroutine
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.status, nil))
-- case: co-resume-self
local co
co = coroutine.create(function() return coroutine.resume(co) end)
print(coroutine.resume(co))
-- case: co-yield-many
local co = coroutine.create(function(...) coroutine.yield(...) return select("#", ...) end)
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co))
-- case: co-wrap-args
local f = coroutine.wrap(function(a) local b = coroutine.yield(a * 2) return a + b end)
print(f(5), f(7))
-- case: co-status-normal
local co1, co2
co1 = coroutine.create(function() coroutine.resume(co2) end)
co2 = coroutine.create(function() print(coroutine.status(co1)) end)
coroutine.resume(co1)
-- case: co-yield-in-metamethod
local mt = { __index = function(_, k) return coroutine.yield(k) end }
local co = coroutine.wrap(function() local t = setmetatable({}, mt) return "got " .. t.key end)
print(co())
print(co("value"))
-- case: co-yield-in-iterator
local co = coroutine.wrap(function()
  for k in function(_, last) last = (last or 0) + 1 if last <= 2 then coroutine.yield(last) return last end end do end
  return "end"
end)
print(co(), co(), co())
-- case: co-close-absent
print(coroutine.close)
-- case: co-wrap-error-position
local f = coroutine.wrap(function() local x = nil; return x.y end)
print(pcall(f))
-- case: co-top-level-isyieldable
print(coroutine.isyieldable())
-- case: co-top-level-running
local co, main = coroutine.running()
print(type(co), main)
-- case: co-top-level-yield
print(pcall(coroutine.yield, 1))
print(pcall(function() coroutine.yield() end))
-- case: co-wrap-inside-still-yields
local gen = coroutine.wrap(function() print(coroutine.isyieldable(), select(2, coroutine.running())) coroutine.yield(1) end)
print(gen())
