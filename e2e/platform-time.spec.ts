/**
 * The platform's `time` module in the page's worker (wippyai/runtime
 * runtime/lua/modules/time/yields.go): Go layouts, Time and Duration objects, IANA zones
 * from the browser's Intl data, nanosecond numbers, and one-shot `time.after`.
 */
import { test } from './fixtures.ts';

// Pinned to Lua 5.3: this spec tests the platform's time module, and its expectations are Lua
// 5.3's print (tab-joined, `true`); the platform's print is tested in dialect.spec.ts.

const SCRIPT = `
local t = time.date(2024, time.DECEMBER, 29, 15, 4, 5, 123456789, time.utc)
print("A", t:format("Mon Jan _2 2006 15:04:05.000 MST"), t:format_rfc3339())
local ny = assert(time.load_location("America/New_York"))
print("B", t:in_location(ny):format(time.RFC1123Z), t:in_location(ny))
local p = assert(time.parse(time.RFC3339, "2024-12-29T15:04:05+01:00"))
print("C", p:utc():format(time.DATE_TIME), p:sub(t))
print("D", time.parse_duration(1500), tostring(5 * time.SECOND == 5000000000))
local ch = time.after("20ms")
local fired, ok = ch:receive()
print("E", getmetatable(fired), ok, ch:receive())
local start = time.now()
local tk = time.ticker(10 * time.MILLISECOND)
for _ = 1, 2 do tk:response():receive() end
print("F", tk:stop(), time.now():sub(start):milliseconds() >= 19)
print("G", select(2, time.after(0)):message())
`;

test.describe('time module (platform fidelity)', () => {
  test('formats, parses, converts zones and fires timers as the platform does', async ({
    playground,
  }) => {
    await playground.open({ code: SCRIPT, dialect: 'lua53' });
    await playground.runAndWait('finished');
    await playground.expectOutput(
      'A\tSun Dec 29 2024 15:04:05.123 UTC\t2024-12-29T15:04:05Z',
      'B\tSun, 29 Dec 2024 10:04:05 -0500\t2024-12-29 10:04:05.123456789 -0500 EST',
      'C\t2024-12-29 14:04:05\t-1h0m0.123456789s',
      'D\t1.5µs\ttrue',
      'E\ttime.Time\ttrue\tnil\tfalse',
      'F\ttrue\ttrue',
      'G\ttime.after: duration must be > 0',
    );
  });
});
