/**
 * The `os` table under wippy: the runtime's own module (wippyai/runtime
 * `modules/ostime/module.go`) with `time date clock difftime` and `platform = "wippy"` only.
 * `os.time()` is a float; `os.time{…}` takes missing date fields from today and a missing
 * hour as 0 (midnight); `os.date` knows only `a A b B c d H I j m M p S U w W x X y Y z Z %`
 * and copies any other `%x` as it is (`%U` and `%W` are ISO weeks); `*t` fields are floats;
 * `os.clock()` is wall time since the runtime started, not CPU time.
 */
import { lauxlib, lua, luaString, pushText, setFunctions, type LuaState } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import { LONG_DAY_NAMES, LONG_MONTH_NAMES } from '../time/go-layout.ts';

const started = performance.now();

/** The parts of a time, local or UTC, as Go's `time.Time` accessors give them. */
interface Civil {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  min: number;
  sec: number;
  weekday: number; // 0 = Sunday
  yday: number;
  offsetMinutes: number; // east of UTC
  /** The zone's abbreviation (computed on demand: Intl is slow to ask). */
  zone: () => string;
}

function civil(date: Date, utc: boolean): Civil {
  const get = utc
    ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours()]
    : [date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()];
  const [year, month, day, hour] = get;
  const min = utc ? date.getUTCMinutes() : date.getMinutes();
  const sec = utc ? date.getUTCSeconds() : date.getSeconds();
  const weekday = utc ? date.getUTCDay() : date.getDay();
  const yday = Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const offsetMinutes = utc ? 0 : -date.getTimezoneOffset();
  return {
    year,
    month: month + 1,
    day,
    hour,
    min,
    sec,
    weekday,
    yday,
    offsetMinutes,
    zone: () => zoneName(date, utc),
  };
}

function zoneName(date: Date, utc: boolean): string {
  if (utc) return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

const two = (n: number) => String(n).padStart(2, '0');

/** Go's `ISOWeek`: the week of the year, weeks starting on Monday, week 1 holding Jan 4. */
function isoWeek(c: Civil): number {
  const date = new Date(Date.UTC(c.year, c.month - 1, c.day));
  const weekday = (c.weekday + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - firstWeekday + 3);
  return 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

function hour12(h: number): number {
  return h % 12 === 0 ? 12 : h % 12;
}

/** `formatSpecifier`: one `%x`; unknown letters come back as they were written. */
function specifier(letter: string, c: Civil): string {
  switch (letter) {
    case 'a':
      return LONG_DAY_NAMES[c.weekday].slice(0, 3);
    case 'A':
      return LONG_DAY_NAMES[c.weekday];
    case 'b':
      return LONG_MONTH_NAMES[c.month - 1].slice(0, 3);
    case 'B':
      return LONG_MONTH_NAMES[c.month - 1];
    case 'c':
      return stamp(c);
    case 'd':
      return two(c.day);
    case 'H':
      return two(c.hour);
    case 'I':
      return two(hour12(c.hour));
    case 'j':
      return String(c.yday).padStart(3, '0');
    case 'm':
      return two(c.month);
    case 'M':
      return two(c.min);
    case 'p':
      return c.hour < 12 ? 'AM' : 'PM';
    case 'S':
      return two(c.sec);
    case 'U':
    case 'W':
      return two(isoWeek(c));
    case 'w':
      return String(c.weekday);
    case 'x':
      return `${two(c.month)}/${two(c.day)}/${two(c.year % 100)}`;
    case 'X':
      return `${two(c.hour)}:${two(c.min)}:${two(c.sec)}`;
    case 'y':
      return two(c.year % 100);
    case 'Y':
      return String(c.year).padStart(4, '0');
    case 'z': {
      const m = Math.abs(c.offsetMinutes);
      return `${c.offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(m / 60))}${two(m % 60)}`;
    }
    case 'Z':
      return c.zone();
    case '%':
      return '%';
    default:
      return '%' + letter;
  }
}

/** `Mon Jan _2 15:04:05 2006`. */
function stamp(c: Civil): string {
  const day = String(c.day).padStart(2, ' ');
  return `${specifier('a', c)} ${specifier('b', c)} ${day} ${specifier('X', c)} ${c.year}`;
}

const KNOWN = new Set('aAbBcdHIjmMpSUwWxXyYzZ%');

function date(L: LuaState): number {
  let format =
    lua.lua_gettop(L) >= 1
      ? (lauxlib.luaL_checklstring(L, 1), lua.lua_tojsstring(L, 1) as string)
      : '%c';
  const seconds =
    lua.lua_gettop(L) >= 2 ? Math.trunc(lauxlib.luaL_checknumber(L, 2)) : Date.now() / 1000;
  const when = new Date(Math.floor(seconds) * 1000);
  const utc = format.startsWith('!');
  if (utc) format = format.slice(1);
  const c = civil(when, utc);
  if (format === '*t') {
    lua.lua_createtable(L, 0, 9);
    const fields: Array<[string, number]> = [
      ['year', c.year],
      ['month', c.month],
      ['day', c.day],
      ['hour', c.hour],
      ['min', c.min],
      ['sec', c.sec],
      ['wday', c.weekday + 1],
      ['yday', c.yday],
    ];
    for (const [name, value] of fields) {
      lua.lua_pushnumber(L, value);
      lua.lua_setfield(L, -2, luaString(name));
    }
    // go-lua reads `_, isDST := t.Zone()`: the zone's offset, so any zone east or west of
    // UTC says true (a platform quirk kept as it is).
    lua.lua_pushboolean(L, c.offsetMinutes !== 0);
    lua.lua_setfield(L, -2, luaString('isdst'));
    return 1;
  }
  let out = '';
  const unknown = new Set<string>();
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '%' && i + 1 < format.length) {
      i++;
      if (!KNOWN.has(format[i])) unknown.add('%' + format[i]);
      out += specifier(format[i], c);
    } else out += format[i];
  }
  if (unknown.size > 0) {
    warn(
      L,
      `os.date: the platform does not know ${[...unknown].join(' ')} and prints it as written; ` +
        'it knows %a %A %b %B %c %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %z %Z %%',
    );
  }
  pushText(L, out);
  return 1;
}

/** `getIntField`: a number field truncated, anything else the default. */
function intField(L: LuaState, name: string, fallback: number): number {
  lua.lua_pushstring(L, luaString(name));
  const t = lua.lua_rawget(L, 1);
  const value = t === lua.LUA_TNUMBER ? Math.trunc(lua.lua_tonumber(L, -1)) : fallback;
  lua.lua_pop(L, 1);
  return value;
}

function time(L: LuaState): number {
  const now = new Date();
  if (lua.lua_gettop(L) === 0) {
    lua.lua_pushnumber(L, Math.floor(now.getTime() / 1000));
    return 1;
  }
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  const when = new Date(0);
  when.setFullYear(
    intField(L, 'year', now.getFullYear()),
    intField(L, 'month', now.getMonth() + 1) - 1,
    intField(L, 'day', now.getDate()),
  );
  when.setHours(intField(L, 'hour', 0), intField(L, 'min', 0), intField(L, 'sec', 0), 0);
  lua.lua_pushnumber(L, Math.floor(when.getTime() / 1000));
  return 1;
}

/** Push the platform's `os` table. */
export function pushOs(L: LuaState): void {
  lua.lua_newtable(L);
  setFunctions(L, {
    clock(L1) {
      lua.lua_pushnumber(L1, (performance.now() - started) / 1000);
      return 1;
    },
    date,
    difftime(L1) {
      lua.lua_pushnumber(L1, lauxlib.luaL_checknumber(L1, 1) - lauxlib.luaL_checknumber(L1, 2));
      return 1;
    },
    time,
  });
  lua.lua_pushliteral(L, 'wippy');
  lua.lua_setfield(L, -2, luaString('platform'));
}
