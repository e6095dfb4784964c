-- Basic values, strings and control flow.
-- case: print-values
print(nil, true, false, 1, 2.5, "s")
-- case: print-empty
print()
-- case: type-names
print(type(nil), type(1), type("x"), type({}), type(print), type(true), type(coroutine.create(print)))
-- case: string-concat-numbers
print(1 .. 2, 1.5 .. "", -3 .. "x", 2^2 .. "")
-- case: string-len-op
print(#"hello", #"", #"\0\0")
-- case: string-escapes
print("a\tb\\c\"d\'e", "\65\066\x43\u{44}", "\z
      joined")
-- case: long-string
print([[line1
line2]], [==[with ]] inside]==])
-- case: string-rep
print(("ab"):rep(3), ("ab"):rep(3, ","), ("x"):rep(0), ("x"):rep(-1))
-- case: string-sub
local s = "hello world"
print(s:sub(1, 5), s:sub(-5), s:sub(3), s:sub(0), s:sub(5, 3), s:sub(-100, 2), s:sub(2, 100))
-- case: string-byte-char
print(("ABC"):byte(), ("ABC"):byte(2), ("ABC"):byte(1, -1), ("ABC"):byte(10))
print(string.char(72, 105), string.char())
-- case: string-upper-lower-reverse
print(("MiXeD"):upper(), ("MiXeD"):lower(), ("abc"):reverse(), (""):reverse())
-- case: string-len
print(string.len("abc"), ("\0a"):len())
-- case: string-compare
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "a" <= "a", "b" > "a")
-- case: numeric-for
for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("done")
-- case: float-for
for i = 0, 1, 0.25 do io.write(i, " ") end print()
-- case: for-step-zero
print(pcall(function() for i = 1, 2, 0 do end end))
-- case: while-repeat
local i = 0
while i < 3 do i = i + 1 end
repeat i = i - 1 until i == 0
print(i)
-- case: repeat-scope
local n = 0
repeat local done = n > 2; n = n + 1 until done
print(n)
-- case: generic-for-ipairs
for i, v in ipairs({ "a", "b", nil, "d" }) do print(i, v) end
-- case: pairs-array-order
local t = { 10, 20, 30 }
local sum = 0
for k, v in pairs(t) do sum = sum + k * v end
print(sum)
-- case: next-empty
print(next({}))
-- case: multiple-assignment
local a, b, c = 1, 2
a, b = b, a
print(a, b, c)
-- case: nested-functions-closures
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2())
-- case: recursion
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
-- case: and-or
print(nil or "d", false and 1, 1 and 2, nil and nil, false or nil, 0 or 1)
-- case: not
print(not nil, not 0, not "", not not {})
-- case: equality
print(1 == 1.0, "1" == 1, {} == {}, nil == false, 0.1 + 0.2 == 0.3)
-- case: comparison-errors
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
-- case: tostring-basic
print(tostring(nil), tostring(true), tostring(12), tostring(1.5), tostring("x"))
-- case: select
print(select("#"), select("#", nil, nil), select(2, "a", "b", "c"), select(-1, "a", "b"))
-- case: select-errors
print(pcall(select, 0, 1))
print(pcall(select, -3, 1))
-- case: rawequal-rawlen-rawget
local t = setmetatable({}, { __index = function() return 1 end, __len = function() return 9 end })
print(rawget(t, "x"), t.x, #t, rawlen(t), rawlen("abc"), rawequal(t, t), rawequal(t, {}))
-- case: integer-division-basic
print(7 // 2, -7 // 2, 7 // -2, 7.0 // 2, 7 % 3, -7 % 3, 7 % -3, 7.5 % 2, -7.5 % 2)
-- case: division-float
print(7 / 2, 1 / 2, 4 / 2, 3 / -4)
-- case: exponent
print(2 ^ 10, 2 ^ 0.5, (-8) ^ (1/3) ~= (-8) ^ (1/3), 10 ^ -2)
-- case: unary-minus
print(-2 ^ 2, - -3, -(1), -0.0 == 0.0)
-- case: string-arith-coercion
print("10" + 1, "3" * "4", "2" ^ 2, "0x10" + 0, "1e1" + 0, 10 .. "")
-- case: string-arith-error
print(pcall(function() return "a" + 1 end))
-- case: concat-error
print(pcall(function() return "a" .. {} end))
print(pcall(function() return nil .. "a" end))
-- case: length-error
print(pcall(function() return #5 end))
-- case: call-nil-error
print(pcall(function() local x; x() end))
-- case: index-nil-error
print(pcall(function() local t; return t.x end))
-- case: global-call-error
print(pcall(function() undefinedfunction() end))
-- case: field-call-error
print(pcall(function() local t = {} t.x.y = 1 end))
-- case: method-call-error
print(pcall(function() local t = {} t:nomethod() end))
-- case: arith-on-nil-error
print(pcall(function() local t = {} return t.x + 1 end))
-- case: upvalue-error
local up
print(pcall(function() return up + 1 end))
-- case: io-open
print(io.open)
-- case: string-methods-on-literal
print(("%d items"):format(3), ("x"):rep(2))
-- case: semicolons-and-blocks
do local x = 1; print(x); end; ;;
-- case: nested-tables
local t = { a = { b = { c = 42 } }, [1] = "one", [2.0] = "two" }
print(t.a.b.c, t[1], t[2], #t)
-- case: table-float-keys
local t = {}
t[1.0] = "a"; t[2] = "b"
print(t[1], t[2.0], #t)
-- case: nan-key-error
print(pcall(function() local t = {} t[0/0] = 1 end))
-- case: nil-key-error
print(pcall(function() local t = {} t[nil] = 1 end))
-- case: varargs-table
local function f(...) local t = { ... } return #t, select("#", ...) end
print(f(1, nil, 3))
-- case: long-comment
--[[ a
comment ]] print("after comment") --[==[ another ]==]
-- case: numeric-literals
print(0x10, 0xA.8p1, 1e2, .5, 3., 0x.1, 1E-2, 0xffp0)
-- case: integer-literals
print(100, 0xff, 0XFF, 007)
-- case: int-float-distinction
print(1, 1.0, -0.0, 100 // 1, 100 / 1, 3 | 0, math.type(1), math.type(1.0), math.type("1"))
