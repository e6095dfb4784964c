-- goto, varargs, load with an environment, scoping.
-- case: goto-continue
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
-- case: goto-backward
local i = 1
::top::
if i <= 3 then io.write(i, ",") i = i + 1 goto top end
print()
-- case: goto-nested-break
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then goto done end
    io.write(i * j, " ")
  end
end
::done::
print("out")
-- case: goto-errors
print(load("goto nowhere"))
print(load("do local x ::l:: end goto l"))
print(load("::a:: ::a::"))
print(load("goto f; local x; ::f:: print(x)"))
-- case: goto-label-at-end
do goto e; local x = 1; ::e:: end
print("ok")
-- case: varargs-basic
local function f(...) return select("#", ...), ... end
print(f())
print(f(nil))
print(f(1, nil, nil))
-- case: varargs-in-middle
local function f(...) return ..., "end" end
print(f(1, 2, 3))
-- case: varargs-table-pack
local function f(...) local t = table.pack(...) return t.n, t[t.n] end
print(f("a", "b", nil))
-- case: varargs-main-chunk
print(select("#", ...))
-- case: varargs-adjust
local function f(...) local a, b = ... return a, b end
print(f(1), f(1, 2, 3))
-- case: varargs-error-outside
print(load("function f() return ... end"))
-- case: load-string
local f = load("return 1 + 1")
print(f())
-- case: load-env
local env = { x = 5 }
local f = load("return x", "chunk", "t", env)
print(f(), load("y = 1", "c", "t", env)(), env.y)
-- case: load-syntax-error
print(load("x = = 1"))
print(load("return 'unclosed"))
print(load("for"))
-- case: load-chunkname
print(type(load("error('e')", "=mychunk")), pcall(load("error('e')", "=mychunk")))
print(pcall(load("error('e')", "@file.lua")))
print(pcall(load("error('e')", "code string")))
-- case: load-function-reader
local parts = { "return ", "40 ", "+ 2" }
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
-- case: load-binary-mode
print(load("return 1", "x", "b"))
-- case: load-returns-nil-message
local f, e = load("???")
print(f, e)
-- case: load-varargs
print(load("return ...")(1, 2, 3))
-- case: load-env-global-access
local f = load("return print")
print(f() == print, load("return _ENV", "c", "t", { k = 1 })().k)
-- case: env-local
local function sandbox()
  local _ENV = { tostring = tostring }
  return tostring(x)
end
print(sandbox())
-- case: closures-in-loop
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
-- case: shadowing
local x = 1
do local x = 2 print(x) end
print(x)
-- case: method-definitions
local obj = { n = 0 }
function obj:inc(by) self.n = self.n + (by or 1) return self end
obj:inc():inc(5)
print(obj.n)
-- case: long-chain-calls
local s = ("abc"):upper():lower():rep(2):sub(2, 4)
print(s)
-- case: tail-call-deep
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(100000))
-- case: string-coercion-concat-float
print(1.0 .. "|" .. 2^63 .. "|" .. -0.0)
-- case: integer-float-equality-keys
local t = { [1] = "int" }
print(t[1.0], t[1])
-- case: syntax-error-messages
print(load("x ="))
print(load("local 1 = 2"))
print(load("f("))
print(load("x = }"))
print(load("return 0x"))
print(load("return 1..2"))
-- case: local-attribs-absent
print(load("local x <const> = 1"))
-- case: integer-division-by-zero-message
print(pcall(function() return 1 // 0 end), pcall(function() return 1 % 0 end))
-- case: string-literal-escape-errors
print(load([[return "\q"]]))
print(load([[return "\300"]]))
print(load([[return "\u{110000000}"]]))
-- case: numeric-for-float-accum
local n = 0
for x = 1, 2, 0.1 do n = n + 1 end
print(n)
-- case: print-tostring-override
local old = tostring
local calls = 0
tostring = function(v) calls = calls + 1 return old(v) end
print("a", 1)
tostring = old
print(calls >= 0)
