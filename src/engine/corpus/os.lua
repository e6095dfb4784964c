-- os.date with fixed times ('!' formats), os.time, os.difftime, os.clock.
-- case: date-iso
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%Y-%m-%d %H:%M:%S", 1700000000))
-- case: date-bang-prefix
print(os.date("!%Y", 86400 * 365))
-- case: date-names
print(os.date("!%a %A %b %B %h", 1700000000))
-- case: date-c
print(os.date("!%c", 0), os.date("!%c", 1700000000))
-- case: date-x-X
print(os.date("!%x %X %D %T %R %r", 1700000000))
-- case: date-F
print(os.date("!%F", 1234567890))
-- case: date-j
print(os.date("!%j", 0), os.date("!%j", 86400 * 40), os.date("!%j", 1700000000), os.date("!%j", 951782400 + 86400))
-- case: date-t-n
print(os.date("!a%tb%nc", 0) == "a\tb\nc")
-- case: date-e-d
print(os.date("![%e][%d]", 1700000000), os.date("![%e][%d]", 1701388800))
-- case: date-I-p
print(os.date("!%I %p", 0), os.date("!%I %p", 43200), os.date("!%I %p", 46800), os.date("!%I %p", 3600 * 23))
-- case: date-C-y-Y
print(os.date("!%C %y %Y", 1700000000), os.date("!%C %y", 0))
-- case: date-u-w
for d = 0, 6 do io.write(os.date("!%u%w ", 86400 * d)) end print()
-- case: date-U-W-V
for _, t in ipairs({ 0, 86400 * 3, 86400 * 4, 1700000000, 1704067200, 1735603200 }) do print(os.date("!%U %W %V %G %g", t)) end
-- case: date-g-G-year-boundary
print(os.date("!%G-%V-%u", 1609459200), os.date("!%G-%V-%u", 1704067200), os.date("!%G-%V-%u", 1230768000))
-- case: date-percent
print(os.date("!100%% %Y", 0))
-- case: date-s-z
print(os.date("!%z %Z", 0))
-- case: date-E-O-modifiers
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY", 1700000000))
print(os.date("!%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", 1700000000))
-- case: date-invalid-conversion
print(pcall(os.date, "!%Q", 0))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "%", 0))
print(pcall(os.date, "%Oa rest", 0))
-- case: date-invalid-k-l-P-s
print(pcall(os.date, "!%k", 0))
print(pcall(os.date, "!%l", 0))
print(pcall(os.date, "!%P", 0))
print(pcall(os.date, "!%s", 0))
-- case: date-star-t
local t = os.date("!*t", 1700000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
-- case: date-star-t-epoch
local t = os.date("!*t", 0)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
-- case: date-local-utc
print(os.date("%Y-%m-%d %H:%M:%S", 1700000000), os.date("*t", 0).hour)
-- case: date-leap-day
print(os.date("!%Y-%m-%d %j %a", 951782400), os.date("!%Y-%m-%d %j", 1709164800))
-- case: date-negative
print(os.date("!%Y-%m-%d %H:%M:%S", -1), os.date("!%Y-%m-%d", -86400 * 365))
-- case: date-float-time
print(os.date("!%H:%M:%S", 3600.0), pcall(os.date, "!%H", 1.5))
-- case: date-bad-time-arg
print(pcall(os.date, "!%H", "x"))
-- case: date-no-format
print(type(os.date()), #os.date("!%c", 0))
-- case: date-literal-text
print(os.date("!Year: %Y, day %d.", 1700000000))
-- case: date-empty
print(os.date("", 0) == "", os.date("!", 0) == "")
-- case: date-12-midnight-noon
print(os.date("!%I:%M %p", 0), os.date("!%I:%M %p", 12 * 3600), os.date("!%r", 13 * 3600 + 5))
-- case: time-table
print(os.time({ year = 2023, month = 11, day = 14, hour = 22, min = 13, sec = 20 }))
-- case: time-table-defaults
print(os.time({ year = 2000, month = 1, day = 1 }), os.time({ year = 1970, month = 1, day = 1, hour = 0 }))
-- case: time-table-normalize
local t = { year = 2024, month = 1, day = 32, hour = 25, min = 61, sec = 61 }
print(os.time(t), t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday)
-- case: time-table-negative-fields
print(os.time({ year = 2024, month = 3, day = 0 }), os.time({ year = 2024, month = 0, day = 1 }))
-- case: time-table-missing
print(pcall(os.time, { year = 2024, month = 1 }))
print(pcall(os.time, { year = 2024, day = 1 }))
-- case: time-table-not-integer
print(pcall(os.time, { year = 2024, month = 1.5, day = 1 }))
print(pcall(os.time, { year = "x", month = 1, day = 1 }))
print(os.time({ year = "2024", month = "1", day = "1", hour = "0" }))
-- case: time-roundtrip
local now = 1700000000
print(os.time(os.date("*t", now)) == now, os.time(os.date("!*t", now)) == now)
-- case: time-type
print(math.type(os.time()), math.type(os.time({ year = 2020, month = 1, day = 1 })))
-- case: time-bad-arg
print(pcall(os.time, 5))
-- case: difftime
print(os.difftime(10, 5), os.difftime(5, 10), math.type(os.difftime(1, 1)))
-- case: difftime-errors
print(pcall(os.difftime, 1))
print(pcall(os.difftime, "x", 1))
print(pcall(os.difftime, 1.5, 1))
-- case: os-clock-type
print(os.clock())
-- case: clock-number
print(type(os.clock()), math.type(os.clock()), os.clock() >= 0)
-- case: os-getenv
print(os.getenv("HOME"))
-- case: date-isdst-field
print(os.date("!*t", 0).isdst, os.date("*t", 0).isdst)
