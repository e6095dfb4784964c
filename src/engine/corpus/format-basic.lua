-- string.format, conversion by conversion.
-- case: fmt-d
print(string.format("%d %d %d", 0, 42, -42))
-- case: fmt-d-width
print(string.format("[%5d][%-5d][%05d][%+d][% d]", 42, 42, 42, 42, 42))
-- case: fmt-d-precision
print(string.format("[%.3d][%.0d][%8.3d][%-8.3d][%08.3d]", 7, 0, 7, -7, 7))
-- case: fmt-d-space-flag
print(string.format("% d|% d|% 5d", 1, -1, 3))
-- case: fmt-d-float-arg
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
-- case: fmt-d-string-arg
print(string.format("%d", "10"), pcall(string.format, "%d", "x"))
-- case: fmt-i
print(string.format("%i|%5i|%-5i|", 12, 12, 12))
-- case: fmt-u
print(string.format("%u %5u", 7, 8))
-- case: fmt-c
print(string.format("%c%c%c", 76, 117, 97))
-- case: fmt-c-width
print(string.format("[%5c][%-5c]", 65, 66))
-- case: fmt-x
print(string.format("%x %X %#x %#X %08x %-6x|", 255, 255, 255, 255, 255, 255))
-- case: fmt-x-zero-alt
print(string.format("[%#x][%#o][%#.0x]", 0, 0, 0))
-- case: fmt-o
print(string.format("%o %#o %5o", 8, 8, 64))
-- case: fmt-x-precision
print(string.format("%.4x|%#.4x|%10.4X|", 26, 26, 26))
-- case: fmt-e
print(string.format("%e %E %.2e %.0e %#.0e", 12345.678, 12345.678, 12345.678, 12345.678, 12345.678))
-- case: fmt-e-small
print(string.format("%e %e %e", 0.0, 1e-300, -5e-324))
-- case: fmt-e-width
print(string.format("[%15e][%-15e][%015e][%+e]", 1.5, 1.5, 1.5, 1.5))
-- case: fmt-f
print(string.format("%f %.2f %.0f %10.3f %-10.3f|", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159))
-- case: fmt-f-round-half-even
print(string.format("%.0f %.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5, -2.5))
-- case: fmt-f-round-binary
print(string.format("%.2f %.2f %.2f %.1f", 2.675, 1.005, 0.125, 0.25))
-- case: fmt-f-exact-digits
print(string.format("%.20f", 0.1))
print(string.format("%.30f", 1/3))
-- case: fmt-f-third
print(string.format("%f", 1/3))
-- case: fmt-f-large
print(string.format("%f", 1e20), string.format("%.0f", 2^63), string.format("%.3f", 1e15))
-- case: fmt-f-huge
print(string.format("%.0f", 1e300))
-- case: fmt-f-alt
print(string.format("%#.0f|%#f|%#.3g", 3.0, 3.0, 3.0))
-- case: fmt-f-sign
print(string.format("%+f|% f|%+.1f|% .1f", 1.0, 1.0, -1.0, -1.0))
-- case: fmt-f-neg-zero
print(string.format("%f %.0f %e %g", -0.0, -0.0, -0.0, -0.0))
-- case: fmt-f-inf-nan
print(string.format("%f %f %e %g %5.1f|%-6f|", 1/0, -1/0, 1/0, -1/0, 1/0, 1/0))
-- case: fmt-f-inf-upper
print(string.format("%E %G", 1/0, -1/0))
-- case: fmt-f-inf-zero-pad
print(string.format("[%08f][%+08f]", 1/0, 1/0))
-- case: fmt-g
print(string.format("%g %g %g %g %g", 100000, 1000000, 1e-4, 1e-5, 123.456))
-- case: fmt-g-precision
print(string.format("%.3g %.10g %.0g %.1g %.17g", 1234.5678, 1/3, 123, 0.95, 0.1))
-- case: fmt-g-alt
print(string.format("%#g %#.3g %#g", 1.0, 100, 1e-5))
-- case: fmt-g-upper
print(string.format("%G %G", 1e-10, 1e20))
-- case: fmt-g-14
print(string.format("%.14g %.14g %.14g", 2^63, 1e15, 0.1))
-- case: fmt-g-trailing-zeros
print(string.format("%g %g %g", 1.5, 2.50, 100.0))
-- case: fmt-a
print(string.format("%a %a %a %a", 1.0, 0.5, 255.5, -0.1))
-- case: fmt-a-upper
print(string.format("%A %A", 1.0, 3.75))
-- case: fmt-a-zero-special
print(string.format("%a %a %a %a", 0.0, -0.0, 1/0, -1/0))
-- case: fmt-a-precision
print(string.format("%.0a %.1a %.3a %.20a", 1.5, 1.96875, 1/3, 1.0))
-- case: fmt-a-width
print(string.format("[%20a][%-20a][%020a][%+a][% a][%#a]", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))
-- case: fmt-a-subnormal
print(string.format("%a %a", 5e-324, 2.2250738585072014e-308))
-- case: fmt-a-int-arg
print(string.format("%a", 3))
-- case: fmt-s
print(string.format("%s %s %s %s", "x", 1, 2.5, true))
-- case: fmt-s-width
print(string.format("[%5s][%-5s][%.2s][%5.1s]", "abc", "abc", "abc", "abc"))
-- case: fmt-s-nil-table
print(string.format("%s %s", nil, false))
-- case: fmt-s-tostring-meta
print(string.format("%s", setmetatable({}, { __tostring = function() return "OBJ" end })))
-- case: fmt-s-zeros
print(#string.format("%s", "a\0b"), pcall(string.format, "%5s", "a\0b"))
-- case: fmt-s-long
local long = ("x"):rep(120)
print(#string.format("%s", long), #string.format("%-5s", long), #string.format("%.3s", long))
-- case: fmt-percent
print(string.format("100%% %d%%", 5))
-- case: fmt-q-string
print(string.format("%q", 'he said "hi"\n\\ and\0zero\r\t\1272'))
-- case: fmt-q-controls
print(string.format("%q", "\1\0012\127x\200"))
-- case: fmt-q-numbers
print(string.format("%q %q %q %q", 1, -7, 1.5, 0.1))
-- case: fmt-q-special
print(string.format("%q %q %q", 1/0, -1/0, 2^63))
-- case: fmt-q-nil-bool
print(string.format("%q %q %q", nil, true, false))
-- case: fmt-q-table-error
print(pcall(string.format, "%q", {}))
-- case: fmt-many
print(string.format("%s=%d (%5.2f%%) [%x]", "load", 3, 45.678, 3054))
-- case: fmt-no-args
print(string.format("plain"), string.format(""))
-- case: fmt-number-as-format
print(string.format(12), pcall(string.format))
