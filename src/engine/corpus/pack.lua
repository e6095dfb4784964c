-- string.pack / unpack / packsize with sizes that fit in 32 bits (i8, j, J are in integers-*.lua).
-- case: pack-bytes
print(("<i2"):pack(0x0102):byte(1, -1))
print((">i2"):pack(0x0102):byte(1, -1))
-- case: pack-unpack-ints
print(string.unpack("<i4", string.pack("<i4", -2)), string.unpack("<I2", string.pack("<I2", 65535)))
-- case: pack-b-B
print(string.unpack("bB", string.pack("bB", -1, 255)))
-- case: pack-h-H
print(string.unpack("<hH", string.pack("<hH", -32768, 65535)))
-- case: pack-overflow-error
print(pcall(string.pack, "b", 200))
print(pcall(string.pack, "B", -1))
print(pcall(string.pack, "i2", 40000))
-- case: pack-float-double
print(string.unpack("<d", string.pack("<d", 1.5)), string.unpack("<f", string.pack("<f", 0.5)))
print(#string.pack("d", 1), #string.pack("f", 1), #string.pack("n", 1))
-- case: pack-strings
print(string.unpack("z", string.pack("z", "hello")), string.unpack("s1", string.pack("s1", "abc")))
print(string.unpack("c5", string.pack("c5", "ab")):byte(1, -1))
-- case: packsize
print(string.packsize("i4"), string.packsize("i2i4"), string.packsize("!4i2i4"), string.packsize("d"), string.packsize("c10"))
-- case: packsize-variable-error
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "z"))
-- case: pack-alignment
print(#string.pack("!8 b d", 1, 2), #string.pack("b x i2", 1, 2), #string.pack("!2 b Xi2 i2", 1, 2))
-- case: pack-unpack-position
local s = string.pack("i2i2", 1, 2)
print(string.unpack("i2", s, 3), pcall(string.unpack, "i2", s, 4))
-- case: pack-unpack-negative-pos
local s = string.pack("i2i2", 7, 9)
print(string.unpack("i2", s, -2))
-- case: pack-invalid-format
print(pcall(string.pack, "y", 1))
print(pcall(string.pack, "i17", 1))
print(pcall(string.pack, "i0", 1))
-- case: pack-missing-arg
print(pcall(string.pack, "i4"))
-- case: pack-z-with-zero
print(pcall(string.pack, "z", "a\0b"))
-- case: pack-c-too-long
print(pcall(string.pack, "c2", "abc"))
-- case: unpack-short-data
print(pcall(string.unpack, "i4", "ab"))
print(pcall(string.unpack, "z", "abc"))
-- case: pack-endianness-marks
print(string.pack("=I2", 1) == string.pack("<I2", 1), #string.pack(" < > = ! i4", 1))
-- case: pack-i3
print(string.unpack("<i3", string.pack("<i3", -100)), string.unpack("<I3", string.pack("<I3", 0xFFFFFF)))
-- case: pack-float-specials
print(string.unpack("d", string.pack("d", 1/0)), string.unpack("d", string.pack("d", -0.0)))
-- case: pack-unpack-count
print(select("#", string.unpack("i1i1i1", "\1\2\3")))
-- case: pack-integer-float-arg
print(string.unpack("i4", string.pack("i4", 3.0)), pcall(string.pack, "i4", 3.5))
