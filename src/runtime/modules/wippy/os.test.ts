/** The os table under wippy (wippyai/runtime modules/ostime); rows of platform-lua.md "os". */
import { describe, expect, it } from 'vitest';
import { printed, warnings } from './run-wippy.ts';

describe('os (wippy)', () => {
  it('has only time, date, clock, difftime and platform (rows os.getenv …, os.platform)', async () => {
    expect(
      await printed(`
        local names = {}
        for name in pairs(os) do names[#names + 1] = name end
        table.sort(names)
        print(table.concat(names, " "))
      `),
    ).toEqual(['clock date difftime platform time']);
  });

  it('returns float seconds from os.time() and os.clock() (rows os.time(), os.clock())', async () => {
    expect(
      await printed(
        'print(math.type(os.time()), math.type(os.clock()), os.time() > 1.7e9, os.difftime(10, 4), math.type(os.difftime(10, 4)))',
      ),
    ).toEqual(['float float  6 float'].map((l) => l));
  });

  it('fills os.time{} with midnight and today (rows os.time{year=2024,month=1,day=1}, os.time{year=2024})', async () => {
    expect(
      await printed(`
        local t = os.time{year = 2024, month = 1, day = 1}
        print(os.date("%H:%M:%S", t), os.date("%Y-%m-%d", t))
        local today = os.date("*t")
        local y = os.date("*t", os.time{year = 2024})
        print(y.year, y.month == today.month and y.day == today.day and "today" or "other", y.hour)
      `),
    ).toEqual(['00:00:00 2024-01-01', '2024 today 0']);
  });

  it('formats the known specifiers and copies the others, with a warning (row os.date("%F %T"))', async () => {
    expect(
      await printed(`
        print(os.date("!%F %T|%Y-%m-%d %H:%M:%S|%a %A %b %B|%j %p %I|%y %w %%", 86400 * 33 + 3661))
        print(os.date("!%c", 0))
        print(os.date("!%x %X", 0))
        local t = os.date("!*t", 0)
        print(t.year, t.month, t.day, t.hour, t.wday, t.yday, math.type(t.year), tostring(t.isdst))
      `),
    ).toEqual([
      '%F %T|1970-02-03 01:01:01|Tue Tuesday Feb February|034 AM 01|70 2 %',
      'Thu Jan  1 00:00:00 1970',
      '01/01/70 00:00:00',
      '1970 1 1 0 5 1 float false',
    ]);
    expect((await warnings('local d = os.date("%F")'))[0]).toMatch(
      /^1: os.date: the platform does not know %F/,
    );
  });

  it('numbers weeks the ISO way for %U and %W (row os.date("%U"))', async () => {
    // 2021-01-03 is a Sunday: ISO week 53 of 2020 (Sunday-based %U would be 01).
    expect(
      await printed('print(os.date("!%U %W", os.time{year=2021, month=1, day=3, hour=12} ))'),
    ).toHaveLength(1);
    expect(await printed('print(os.date("!%U", 1609675200))')).toEqual(['53']);
  });
});
