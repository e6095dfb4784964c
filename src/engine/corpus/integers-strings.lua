-- String functions taking integer arguments, and string.pack/unpack with 64-bit formats.
-- case: string.sub with huge positions
local s = "hello"
print(s:sub(2^53, -2^53), s:sub(math.mininteger, math.maxinteger), s:sub(math.mininteger, 2), s:sub(-2, math.maxinteger), s:sub(math.maxinteger))
-- case: string.byte with huge positions
local s = "hello"
print(s:byte(math.mininteger, math.maxinteger))
print(s:byte(math.maxinteger), s:byte(-(1 << 53)), s:byte(1 << 53))
-- case: string.rep with huge counts
print(pcall(string.rep, "x", 2^31))
print(pcall(string.rep, "x", math.maxinteger))
print(("x"):rep(math.mininteger), ("x"):rep(0), ("ab"):rep(3, ","), pcall(string.rep, "x", math.maxinteger, ","))
-- case: string.find and gsub limits
print(("ab"):find("b", math.mininteger), ("ab"):find("b", math.maxinteger), ("abc"):gsub("b", "x", math.maxinteger), ("abc"):gsub("b", "x", math.mininteger))
-- case: string.len and # are integers
print(#"abc", math.type(#"abc"), ("abc"):len())
-- case: pack and unpack j and J
local function hex(s) return (s:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end
print(hex(string.pack("<j", math.mininteger)), hex(string.pack(">J", -1)), hex(string.pack("<j", 1 << 62)))
print(string.unpack("<j", string.pack("<j", math.maxinteger)), string.unpack("<J", string.pack("<J", -1)))
-- case: pack and unpack i8 and T
local function hex(s) return (s:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end
print(hex(string.pack("<i8", 9007199254740993)), string.unpack("<i8", string.pack("<i8", -9007199254740993)))
print(string.unpack("<T", string.pack("<T", (1 << 53) + 1)), string.packsize("T"), string.packsize("j"), string.packsize("l"), string.packsize("i"))
-- case: pack i16 sign extension
local function hex(s) return (s:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end
print(hex(string.pack("<i16", -2)), hex(string.pack("<I16", -1)), hex(string.pack(">i16", 1)))
print(string.unpack("<i16", string.pack("<i16", math.mininteger)), string.unpack("<i16", string.pack("<i16", math.maxinteger)))
-- case: unpack i16 overflow errors
print(pcall(string.unpack, "<i16", string.rep("\255", 8) .. string.rep("\0", 8)))
print(pcall(string.unpack, "<I9", string.rep("\0", 8) .. "\1"))
print(string.unpack("<i9", string.rep("\255", 9)), string.unpack("<I9", string.rep("\255", 8) .. "\0"))
-- case: pack overflow checks for small sizes
print(pcall(string.pack, "i2", 32768))
print(pcall(string.pack, "i2", -32769))
print(pcall(string.pack, "I2", 65536))
print(pcall(string.pack, "I2", -1))
print(string.unpack("<i2", string.pack("<i2", -32768)), string.unpack("<I2", string.pack("<I2", 65535)))
-- case: pack overflow checks at 7 bytes
print(pcall(string.pack, "i7", 1 << 55))
print(string.unpack("<i7", string.pack("<i7", -(1 << 55))), string.unpack("<I7", string.pack("<I7", (1 << 56) - 1)), string.unpack("<i6", string.pack("<i6", -1)))
-- case: pack of floats with integer values
print(string.unpack("<j", string.pack("<j", 2^53)), pcall(string.pack, "j", 2^63), pcall(string.pack, "j", 1.5))
-- case: unpack positions
print(pcall(string.unpack, "i4", "abcd", math.mininteger))
print(pcall(string.unpack, "i4", "abcd", math.maxinteger))
print(string.unpack("B", "abcd", -1), string.unpack("B", "abcd", -4))
-- case: s8 length prefixes
local function hex(s) return (s:gsub(".", function(c) return ("%02x"):format(c:byte()) end)) end
print(hex(string.pack("<s", "ab")), string.unpack("<s", string.pack("<s", "ab")))
print(pcall(string.unpack, "<s", string.rep("\255", 8)))
print(pcall(string.unpack, "s1", "\5ab"))
-- case: utf8.char range
print(utf8.char(72, 0x7FF, 0xFFFF, 0x10FFFF) == "H\u{7FF}\u{FFFF}\u{10FFFF}", pcall(utf8.char, 0x110000))
print(pcall(utf8.char, math.maxinteger))
print(pcall(utf8.char, -1))
-- case: utf8 positions with huge values
print(pcall(utf8.len, "hello", math.mininteger))
print(pcall(utf8.len, "hello", 1 << 62))
print(utf8.len("hello", 1, -(1 << 53)), utf8.len("hello", -2))
-- case: utf8.offset and codepoint with huge values
print(pcall(utf8.offset, "abc", 1, math.maxinteger))
print(utf8.offset("abc", math.mininteger), utf8.offset("abc", 1 << 62), utf8.offset("abc", 0, 2))
print(pcall(utf8.codepoint, "abc", math.mininteger))
print(pcall(utf8.codepoint, "abc", 1, math.maxinteger))
-- case: utf8.codes positions are integers
for p, c in utf8.codes("h\u{E9}") do io.write(p, ":", c, ":", math.type(p), " ") end
print()
