-- The utf8 library.
-- case: utf8-char
print(utf8.char(72, 228, 8364, 128512), utf8.char())
-- case: utf8-charpattern
print(utf8.charpattern == "[\0-\x7F\xC2-\xF4][\x80-\xBF]*")
-- case: utf8-len
print(utf8.len("häll€"), utf8.len(""), utf8.len("abc", 2), utf8.len("häll€", -3))
-- case: utf8-len-invalid
print(utf8.len("\xff"), utf8.len("ab\x80cd"), utf8.len("\xC3"))
-- case: utf8-codepoint
print(utf8.codepoint("häll€", 1, -1))
-- case: utf8-codepoint-errors
print(pcall(utf8.codepoint, "\xff"))
print(pcall(utf8.codepoint, "abc", 5))
-- case: utf8-offset
print(utf8.offset("häll€", 3), utf8.offset("häll€", -1), utf8.offset("häll€", 0, 3), utf8.offset("abc", 5))
-- case: utf8-offset-continuation-error
print(pcall(utf8.offset, "ä", 1, 2))
-- case: utf8-codes
for p, c in utf8.codes("aä€") do io.write(p, ":", c, " ") end print()
-- case: utf8-codes-invalid
print(pcall(function() for _ in utf8.codes("a\xff") do end end))
-- case: utf8-char-errors
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
-- case: utf8-char-large
print(#utf8.char(0x7FFFFFFF), #utf8.char(0x10FFFF), #utf8.char(0x110000))
-- case: utf8-len-errors
print(pcall(utf8.len, "abc", 5))
-- case: utf8-gmatch-charpattern
local n = 0
for _ in ("h€llo"):gmatch(utf8.charpattern) do n = n + 1 end
print(n)
-- case: utf8-surrogates
print(utf8.len("\xED\xA0\x80"), #utf8.char(0xD800))
