-- string.format with bad formats and bad arguments: Lua errors, never a crash.
-- case: fmt-err-space-flag
print(pcall(string.format, "% d", 1))
-- case: fmt-err-E
print(pcall(string.format, "%E", 1))
-- case: fmt-err-alt-x
print(pcall(string.format, "%#x", 1))
-- case: fmt-err-invalid-option
print(pcall(string.format, "%y", 1))
-- case: fmt-err-invalid-option-upper
print(pcall(string.format, "%Q", 1))
-- case: fmt-err-length-modifier
print(pcall(string.format, "%ld", 1))
print(pcall(string.format, "%hd", 1))
print(pcall(string.format, "%Lf", 1))
-- case: fmt-err-n
print(pcall(string.format, "%n", 1))
-- case: fmt-err-p
print(pcall(string.format, "%p", {}))
-- case: fmt-err-F
print(pcall(string.format, "%F", 1.5))
-- case: fmt-err-repeated-flags
print(pcall(string.format, "%-+ #0d", 1))
print(pcall(string.format, "%-+ #0-d", 1))
print(pcall(string.format, "%------d", 1))
-- case: fmt-five-flags
print(pcall(string.format, "%-+ #0d|", 1))
print(pcall(string.format, "%-----d|", 1))
-- case: fmt-err-width-long
print(pcall(string.format, "%100d", 1))
print(pcall(string.format, "%.100f", 1))
print(pcall(string.format, "%99.99f|", 1))
-- case: fmt-width-99
print(#string.format("%99d", 1), #string.format("%-99s|", "x"))
-- case: fmt-err-no-value
print(pcall(string.format, "%d"))
print(pcall(string.format, "%d %d", 1))
-- case: fmt-err-wrong-type
print(pcall(string.format, "%d", {}))
print(pcall(string.format, "%f", "abc"))
print(pcall(string.format, "%c", nil))
print(pcall(string.format, "%x", 1.5))
-- case: fmt-err-trailing-percent
print(pcall(string.format, "abc%", 1))
-- case: fmt-err-trailing-percent-noarg
print(pcall(string.format, "abc%"))
-- case: fmt-err-star
print(pcall(string.format, "%*d", 5, 1))
-- case: fmt-err-dollar
print(pcall(string.format, "%1$d", 5))
-- case: fmt-err-format-type
print(pcall(string.format, {}))
-- case: fmt-space-x-ignored
print(string.format("[% x][%+x][% o][%+u]", 10, 10, 10, 10))
-- case: fmt-alt-d
print(string.format("[%#d][%#5i]", 10, 10))
-- case: fmt-zero-minus
print(string.format("[%-05d][%0-5d]", 3, 3))
-- case: fmt-zero-with-precision
print(string.format("[%05.2d][%05.1f][%05s]", 3, 3.0, "ab"))
-- case: fmt-plus-space
print(string.format("[%+ d][% +d]", 3, 3))
-- case: fmt-c-zero-byte
print(#string.format("%c", 0), string.format("%c", 0) == "\0")
-- case: fmt-c-precision
print(string.format("[%.3c][%05c]", 65, 65))
-- case: fmt-s-alt-plus
print(string.format("[%#s][%+s][% s]", "a", "b", "c"))
-- case: fmt-q-modifiers
print(pcall(string.format, "%10q", "x"))
-- case: fmt-err-dot-only
print(string.format("[%.d][%.f][%.s][%.e]", 5, 2.5, "abc", 12.5))
-- case: fmt-err-method
print(pcall(function() return ("%y"):format(1) end))
-- case: string-char-errors
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, "x"))
print(pcall(string.char, 1.5))
-- case: string-char-boundaries
print(#string.char(0, 255), string.char(255):byte())
-- case: string-rep-errors
print(pcall(string.rep))
print(pcall(string.rep, "x", 1.5))
-- case: string-byte-negative
print(("hello"):byte(-1), ("hello"):byte(-3, -2))
