/**
 * The `time` module asserted in Lua, each test against the platform's behaviour, named with
 * the file and line of wippyai/runtime it follows (runtime/lua/modules/time/yields.go unless
 * said otherwise; docs: en/lua/core/time.md).
 */
import { describe, expect, it } from 'vitest';
import { lua } from '../../run-for-test.ts';
import { LUA_API } from '../../../shared/lua-api.ts';

/** Run a script that asserts in Lua; return its output lines. */
async function lines(code: string, strict = false): Promise<string[]> {
  const r = await lua(code, { strict });
  if (r.end.status !== 'finished') {
    const why = r.end.status === 'error' ? r.end.failure.message : r.end.status;
    throw new Error(`${why}\n${r.output}`);
  }
  return r.lines;
}

describe('time constants (yields.go:116-170)', () => {
  it('has duration units in nanoseconds, Go layouts, months, weekdays, utc and localtz', async () => {
    expect(
      await lines(`
        assert(time.NANOSECOND == 1 and time.MICROSECOND == 1000 and time.MILLISECOND == 1000000)
        assert(time.SECOND == 1000000000 and time.MINUTE == 60 * time.SECOND and time.HOUR == 60 * time.MINUTE)
        assert(5 * time.SECOND == 5000000000, "no wrap-around")
        assert(time.RFC3339 == "2006-01-02T15:04:05Z07:00" and time.RFC3339NANO == "2006-01-02T15:04:05.999999999Z07:00")
        assert(time.KITCHEN == "3:04PM" and time.STAMP_MILLI == "Jan _2 15:04:05.000" and time.DATE_TIME == "2006-01-02 15:04:05")
        assert(time.JANUARY == 1 and time.DECEMBER == 12 and time.SUNDAY == 0 and time.SATURDAY == 6)
        print(time.utc:string(), tostring(time.localtz))
      `),
    ).toEqual(['UTC\tLocal']);
  });
});

describe('durations (yields.go:1654-1690, 1113-1124, 1156-1226)', () => {
  it('reads a number as nanoseconds, a string as Go, a Duration as itself', async () => {
    expect(
      await lines(`
        print(time.parse_duration(1500), time.parse_duration("1h30m"), time.parse_duration(time.parse_duration("2s")))
        print(time.parse_duration(1.9):nanoseconds() == 1, "a float is truncated as Go converts it")
        local d = time.parse_duration("1h30m45s500ms")
        assert(d:milliseconds() == 5445500 and d:microseconds() == 5445500000 and d:seconds() == 5445.5)
        assert(math.abs(d:hours() - 1.5126388888) < 1e-9 and d:minutes() == 90.758333333333333)
      `),
    ).toEqual(['1.5µs\t1h30m0s\t2s', 'true\ta float is truncated as Go converts it']);
  });

  it('returns nil, err (INVALID) for a bad duration, with Go messages (yields.go:1116, errors.go)', async () => {
    expect(
      await lines(`
        local d, err = time.parse_duration("abc")
        assert(d == nil and err:kind() == errors.INVALID and not err:retryable())
        print(err:message())
        print(select(2, time.parse_duration("1d")):message())
        print(select(2, time.parse_duration({})):message())
      `),
    ).toEqual([
      'time: invalid duration "abc"',
      'time: unknown unit "d" in duration "1d"',
      'invalid value type: *lua.LTable',
    ]);
  });
});

describe('scheduling', () => {
  it('sleeps for a number of nanoseconds or a string, and returns nil, err for a bad one (l.848-856)', async () => {
    expect(
      await lines(`
        time.sleep(5 * time.MILLISECOND)
        time.sleep("5ms")
        local r, err = time.sleep("soon")
        assert(r == nil and err:kind() == errors.INVALID)
        print(err:message(), select(2, time.sleep({})):message())
      `),
    ).toEqual(['time: invalid duration "soon"\tduration must be number or string']);
  });

  it('after fires once with a Time, then its channel is closed (l.908-947, 895-896)', async () => {
    expect(
      await lines(`
        local ch = time.after("10ms")
        local v, ok = ch:receive()
        assert(ok and v:unix() > 1600000000 and v:location():string() == "Local")
        print(ch:receive())
        local none, err = time.after(0)
        print(none, err:kind() == errors.INVALID, err:message())
      `),
    ).toEqual(['nil\tfalse', 'nil\ttrue\ttime.after: duration must be > 0']);
  });

  it('timer: stop before firing is true and closes; a fired timer stops false (l.796-844, 547-560)', async () => {
    expect(
      await lines(`
        local t = time.timer("1h")
        assert(t:response() == t:channel(), "the same channel every call")
        print(t:reset("2h"), t:stop(), t:response():receive())
        local f = time.timer("5ms")
        local at, ok = f:response():receive()
        print(ok, f:stop(), f:reset("1s"), f:channel():receive())
        local bad, err = time.timer(-1)
        print(bad, err:message())
        print(pcall(t.reset, t, 0))
      `),
    ).toEqual([
      'true\ttrue\tnil\tfalse',
      'true\tfalse\tfalse\tnil\tfalse',
      'nil\ttime.timer: duration must be > 0',
      'false\ttimer:reset: duration must be > 0',
    ]);
  });

  it('ticker: ticks Times until stopped, then its channel closes (l.966-1041, 744-750)', async () => {
    expect(
      await lines(`
        local tk = time.ticker("5ms")
        local last
        for i = 1, 3 do
          local t, ok = tk:response():receive()
          assert(ok and (last == nil or not t:before(last)))
          last = t
        end
        print(tk:stop(), tk:channel():receive())
        print(select(2, time.ticker(0)):message())
      `),
    ).toEqual(['true\tnil\tfalse', 'time.ticker: duration must be > 0']);
  });
});

describe('Time objects (l.949-962, 1240-1652)', () => {
  it('now() is a Time: methods, no arithmetic, tostring with a monotonic reading', async () => {
    expect(
      await lines(`
        local t0 = time.now()
        assert(type(t0) == "userdata" and math.abs(t0:unix() - os.time()) < 5)
        time.sleep("20ms")
        local elapsed = time.now():sub(t0)
        assert(elapsed:milliseconds() >= 19, tostring(elapsed))
        print(pcall(function() return time.now() - t0 end))
        print(tostring(t0):match(" m=%+%d+%.%d%d%d%d%d%d%d%d%d$") ~= nil)
      `),
    ).toEqual([
      expect.stringMatching(/^false\tmain\.lua:7: attempt to perform arithmetic on/),
      'true',
    ]);
  });

  it('reads calendar fields and formats with Go layouts (l.1363-1533)', async () => {
    expect(
      await lines(`
        local t = time.date(2024, time.DECEMBER, 29, 15, 4, 5, 123456789, time.utc)
        print(t)
        print(t:format_rfc3339(), t:format(time.RFC3339NANO), t:format("Mon Jan 2, 2006 3:04PM"))
        print(t:date())
        print(t:clock())
        print(t:year(), t:month(), t:day(), t:hour(), t:minute(), t:second(), t:nanosecond(), t:weekday(), t:year_day())
        print(t:unix(), t:is_zero(), time.unix(0, 0):is_zero(), time.date(1, 1, 1, 0, 0, 0, 0, time.utc):is_zero())
      `),
    ).toEqual([
      '2024-12-29 15:04:05.123456789 +0000 UTC',
      '2024-12-29T15:04:05Z\t2024-12-29T15:04:05.123456789Z\tSun Dec 29, 2024 3:04PM',
      '2024\t12\t29',
      '15\t4\t5',
      '2024\t12\t29\t15\t4\t5\t123456789\t0\t364',
      '1735484645\tfalse\tfalse\ttrue',
    ]);
  });

  it('adds, subtracts and compares; add takes number, string or Duration (l.1251-1361)', async () => {
    expect(
      await lines(`
        local t = time.date(2024, 1, 31, 0, 0, 0, 0, time.utc)
        local later = t:add("1h30m"):add(5 * time.MINUTE):add(time.parse_duration("1s"))
        assert(math.abs(later:sub(t):minutes() - 95.0166666666) < 1e-9)
        print(later:sub(t), t:sub(later))
        print(t:add_date(0, 1, 0):format(time.DATE_ONLY), t:add_date(1, 0, -31):format(time.DATE_ONLY))
        print(t:before(later), later:after(t), t:equal(t:in_location(time.fixed_zone("X", 3600))), t == t:utc())
        print(pcall(function() return t:add({}) end))
      `),
    ).toEqual([
      '1h35m1s\t-1h35m1s',
      '2024-03-02\t2024-12-31',
      expect.stringMatching(/^\[warn\] == compares two time\.Time objects, not their values/),
      'true\ttrue\ttrue\tfalse',
      expect.stringMatching(
        /^false\tmain\.lua:8: bad argument #1 to 'add' \(invalid value type: \*lua\.LTable\)$/,
      ),
    ]);
  });

  it('converts zones, rounds and truncates with a Duration only (l.1546-1652)', async () => {
    expect(
      await lines(`
        local t = time.date(2024, 7, 4, 12, 34, 56, 0, time.utc)
        local ny = assert(time.load_location("America/New_York"))
        print(t:in_location(ny), t:in_location(ny):location():string(), t:in_location(ny):utc():hour())
        local ist = time.fixed_zone("IST", 5 * 3600 + 30 * 60)
        print(t:in_location(ist):format(time.RFC1123Z), t:in_location(ist):format("MST -07:00"))
        local h, q = time.parse_duration("1h"), time.parse_duration("15m")
        print(t:round(h):format(time.TIME_ONLY), t:truncate(q):format(time.TIME_ONLY))
        print(pcall(function() return t:round("1h") end))
      `),
    ).toEqual([
      '2024-07-04 08:34:56 -0400 EDT\tAmerica/New_York\t12',
      'Thu, 04 Jul 2024 18:04:56 +0530\tIST +05:30',
      '13:00:00\t12:30:00',
      expect.stringMatching(/bad argument #1 to 'round' \(duration expected\)$/),
    ]);
  });

  it('keeps unix_nano exact beyond 2^53 on a 64-bit engine (l.1397-1406)', async (ctx) => {
    const [wide] = await lines('print(math.maxinteger >= 2^53)');
    if (wide !== 'true') ctx.skip();
    expect(
      await lines(`
        local t = time.unix(1735484645, 123456789)
        print(t:unix_nano(), math.type(t:unix_nano()), time.parse_duration("2562047h"):nanoseconds())
      `),
    ).toEqual(['1735484645123456789\tinteger\t9223369200000000000']);
  });

  it('constructs from parts and Unix time; a present location must be one (l.1045-1083)', async () => {
    expect(
      await lines(`
        print(time.unix(1703862245, 500000000):utc():format(time.RFC3339NANO))
        print(time.date(2024, 13, 32, 25, 0, 0, 0, time.utc):format(time.DATE_TIME), "normalised as Go")
        print(pcall(function() return time.date(2024, 1, 1, 0, 0, 0, 0, nil) end))
        print(pcall(function() return time.unix(1703862245) end))
      `),
    ).toEqual([
      '2023-12-29T15:04:05.5Z',
      '2025-02-02 01:00:00\tnormalised as Go',
      "false\tmain.lua:4: bad argument #8 to 'date' (location expected)",
      "false\tmain.lua:5: bad argument #2 to 'unix' (number expected, got no value)",
    ]);
  });
});

describe('parse and locations (l.1085-1154; docs time.md "Errors")', () => {
  it('parses Go layouts; a failure is nil, err INVALID with Go message', async () => {
    expect(
      await lines(`
        local t = assert(time.parse(time.RFC3339, "2024-12-29T15:04:05+05:45", time.utc))
        print(t:utc(), t:location():string())
        local ny = assert(time.load_location("America/New_York"))
        print(assert(time.parse(time.RFC3339, "2024-07-04T08:34:56-04:00", ny)):location():string())
        local d = assert(time.parse("2006-01-02", "2024-12-29"))
        print(d:location():string(), assert(time.parse("2006-01-02", "2024-12-29", time.utc)):location():string())
        local bad, err = time.parse(time.RFC3339, "invalid")
        assert(bad == nil and errors.is(err, errors.INVALID))
        print(err:message())
      `),
    ).toEqual([
      '2024-12-29 09:19:05 +0000 UTC\t',
      'America/New_York',
      'Local\tUTC',
      'parsing time "invalid" as "2006-01-02T15:04:05Z07:00": cannot parse "invalid" as "2006"',
    ]);
  });

  it('loads IANA zones; unknown is NOT_FOUND, empty is INVALID; fixed zones keep their name', async () => {
    expect(
      await lines(`
        local tokyo = assert(time.load_location("Asia/Tokyo"))
        print(tokyo, time.date(2024, 1, 15, 12, 0, 0, 0, tokyo):utc():hour())
        local none, err = time.load_location("Unknown/Zone")
        print(none, errors.is(err, errors.NOT_FOUND), err:message())
        print(select(2, time.load_location("")):kind() == errors.INVALID, time.load_location("UTC"), time.load_location("Local"))
        print(time.fixed_zone("PST", -8 * 3600))
      `),
    ).toEqual([
      'Asia/Tokyo\t3',
      'nil\ttrue\tunknown time zone Unknown/Zone',
      'true\tUTC\tLocal',
      'PST',
    ]);
  });
});

describe('lenient, never silent (src/runtime/warnings.ts)', () => {
  it('warns where a number is most likely not the nanoseconds it is, and strict mode refuses', async () => {
    const out = await lines(`time.sleep(100) time.sleep(-1) print(time.parse_duration(1.5))`);
    expect(out).toEqual([
      expect.stringMatching(/^\[warn\] time\.sleep\(100\) waits 100ns: numbers are nanoseconds/),
      expect.stringMatching(/^\[warn\] time\.sleep\(-1ns\): a negative duration returns at once/),
      '1ns',
    ]);
    const strict = await lua('time.after(250)', { strict: true });
    expect(strict.end).toMatchObject({ status: 'error' });
  });

  it('warns when parse reads an unknown zone abbreviation at offset 0 (Go format.go parse)', async () => {
    expect(
      await lines(`
        local t = time.parse("2006-01-02 15:04 MST", "2024-12-29 14:30 EST", time.utc)
        print(t:format(time.RFC3339), t:location():string())
      `),
    ).toEqual([
      expect.stringMatching(
        /^\[warn\] time\.parse: "EST" is not a zone of UTC, so the time is read at offset \+00:00/,
      ),
      '2024-12-29T14:30:00Z\tEST',
    ]);
  });
});

describe('the API description (src/shared/lua-api-time.ts)', () => {
  it('names only methods that the Time, Duration, Location, Timer and Ticker objects have', async () => {
    const time = LUA_API.modules.find((m) => m.name === 'time')!;
    const samples: Record<string, string> = {
      Time: 'time.now()',
      Duration: 'time.parse_duration("1s")',
      Location: 'time.utc',
      Timer: 'time.timer("1h")',
      Ticker: 'time.ticker("1h")',
    };
    const checks = time.classes.flatMap((c) =>
      c.methods.map((m) => `print("${c.name}:${m.name}", type((${samples[c.name]}).${m.name}))`),
    );
    const out = await lines(checks.join('\n'));
    expect(out.length).toBe(time.classes.reduce((n, c) => n + c.methods.length, 0));
    for (const line of out) expect(line, line).toMatch(/\tfunction$/);
  });
});
