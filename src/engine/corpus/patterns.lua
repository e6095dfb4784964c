-- string.find / match / gmatch / gsub: classes, anchors, %b, %f, captures.
-- case: find-plain
print(("hello world"):find("o w"), ("hello"):find("l"), ("hello"):find("xyz"), ("a.b"):find(".", 1, true))
-- case: find-init
print(("hello"):find("l", 4), ("hello"):find("l", -1), ("hello"):find("h", 10), ("hello"):find("", 10), ("hello"):find("", 6))
-- case: find-captures
print(("key=value"):find("(%w+)=(%w+)"))
-- case: match-basic
print(("hello 123 world"):match("%d+"), ("abc"):match(".-"), ("abc"):match("(.)(.)"))
-- case: match-anchors
print(("hello"):match("^h"), ("hello"):match("^e"), ("hello"):match("o$"), ("hello"):match("^hello$"), ("a^b"):match("a^b"))
-- case: class-a
print(("ab12 ,.!"):gsub("%a", "_"))
-- case: class-d
print(("ab12 ,.!"):gsub("%d", "_"))
-- case: class-l-u
print(("aBcD"):gsub("%l", "_"), ("aBcD"):gsub("%u", "_"))
-- case: class-s
print(("a b\tc\nd\re\vf\fg"):gsub("%s", "_"))
-- case: class-w
print(("a_b-c9"):gsub("%w", "."))
-- case: class-x
print(("0x1F zG"):gsub("%x", "#"))
-- case: class-p
print(("a,b.c!d?e(f)"):gsub("%p", ""))
-- case: class-c
print(("a\1b\127c"):gsub("%c", "?"))
-- case: class-g
print(("a b\tc"):gsub("%g", "*"))
-- case: class-complements
print(("a1 b2"):gsub("%A", "."), ("a1 b2"):gsub("%D", "."), ("a1 b2"):gsub("%S", "."), ("a1 b2"):gsub("%W", "."))
-- case: set-ranges
print(("hello World 42"):gsub("[a-z]", "."), ("hello World 42"):gsub("[^a-z]", "."))
-- case: set-classes-inside
print(("a1-b2_c"):gsub("[%d_-]", "#"), ("x]y"):gsub("[]]", "!"), ("x^y"):gsub("[%^]", "!"))
-- case: set-special
print(("a-b"):gsub("[a-]", "X"), ("a]b"):gsub("[^]]", "X"))
-- case: quantifiers
print(("aaa"):match("a*"), ("aaa"):match("a+"), ("aaa"):match("a-"), ("aaa"):match("a?"), ("baaa"):match("ba-$"))
-- case: quantifier-lazy
print(("<a><b>"):match("<(.-)>"), ("<a><b>"):match("<(.*)>"))
-- case: dot-any
print(("a\0b"):match("a.b") == "a\0b", ("\n"):match("."))
-- case: balance
print(("f(a(b)c)d"):match("%b()"), ("[x[y]]"):match("%b[]"), ("no"):match("%b()"), ("((x)"):match("%b()"))
-- case: frontier
print(("THE (quick) fox"):gsub("%f[%a]%a+", "W"))
print(("hello"):find("%f[%l]"), ("Hello"):find("%f[%u]"), ("ab"):find("%f[%z]"))
-- case: frontier-words
for w in ("the cat sat"):gmatch("%f[%w]%w+%f[%W]") do io.write(w, ";") end print()
-- case: captures-position
print(("hello"):match("()ll()"), ("abc"):find("()"))
-- case: captures-nested
print(("2024-01-15"):match("((%d+)-(%d+))-(%d+)"))
-- case: capture-backref
print(("say 'hi' now"):match("(['\"])(.-)%1"), ("abab"):match("(ab)%1"))
-- case: gmatch-words
for w in ("one two  three"):gmatch("%a+") do io.write("[", w, "]") end print()
-- case: gmatch-pairs
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, v, " ") end print()
-- case: gmatch-empty
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print(n)
-- case: gmatch-anchor
for w in ("aaa"):gmatch("^a") do io.write(w, ".") end print()
-- case: gsub-string-repl
print(("hello world"):gsub("o", "0"), ("hello"):gsub("l", "L", 1), ("abc"):gsub("", "-"))
-- case: gsub-percent-repl
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"), ("abc"):gsub("%w", "%0%0"), ("x"):gsub("x", "%%"))
-- case: gsub-table-repl
local t = { name = "Lua", ver = "5.3" }
print(("$name $ver $none"):gsub("%$(%w+)", t))
-- case: gsub-function-repl
print(("1 2 3"):gsub("%d", function(d) return d * 2 end), ("abc"):gsub(".", function() end))
-- case: gsub-false-repl
print(("abc"):gsub("%w", function(c) if c == "b" then return false end return c:upper() end))
-- case: gsub-invalid-repl
print(pcall(string.gsub, "abc", "b", "%2"))
print(pcall(string.gsub, "abc", "b", {}, "x"))
print(pcall(string.gsub, "abc", "(b)", function() return {} end))
-- case: gsub-n-zero
print(("aaa"):gsub("a", "b", 0), ("aaa"):gsub("a", "b", -1))
-- case: pattern-errors
print(pcall(string.find, "a", "[a"))
print(pcall(string.find, "a", "(a"))
print(pcall(string.find, "a", "a)"))
print(pcall(string.find, "a", "%"))
print(pcall(string.find, "a", "%b"))
print(pcall(string.find, "a", "%f"))
print(pcall(string.find, "a", "%1"))
-- case: pattern-escapes
print(("a.b*c"):gsub("%.", "!"), ("a+b"):match("a%+b"), ("100%"):match("%d+%%"))
-- case: match-init
print(("hello"):match("l+", 4), ("hello"):match(".", -2), ("hello"):match("h", 2))
-- case: find-special-plain
print(("a[b"):find("[", 1, true), ("a%b"):find("%", 1, true), ("x"):find("", 1, true))
-- case: trim
print("[" .. ("  padded  "):match("^%s*(.-)%s*$") .. "]")
-- case: split-csv
local out = {}
for field in ("a,,b,c"):gmatch("([^,]*)") do out[#out + 1] = "<" .. field .. ">" end
print(table.concat(out))
-- case: gsub-anchored
print(("aaa"):gsub("^a", "b"), ("hello hello"):gsub("^hello", "bye"))
-- case: pattern-max-expand
print(("x"):rep(100):match("x*") == ("x"):rep(100))
-- case: match-no-captures-return
print(("abc"):match("b"), ("abc"):find("b"))
-- case: url-parse
print(("ws://example.com:8080/path?q=1"):match("^(%a+)://([^:/]+):?(%d*)(/?[^?]*)%??(.*)$"))
