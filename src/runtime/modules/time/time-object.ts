/**
 * `time.Time` userdata and its methods, one for one with the platform's (yields.go:195-227,
 * 1242-1652). Methods check their receiver with "time expected" as there; a bad duration for
 * `add` is an argument error with Go's message; `round`/`truncate` want a Duration object.
 */
import {
  argError,
  checkText,
  encodeUtf8,
  lauxlib,
  lua,
  pushText,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import { checkDuration, durationValue, pushDuration } from './duration-object.ts';
import { formatLayout } from './go-layout.ts';
import {
  addDate,
  addDuration,
  compareTimes,
  inLocation,
  isZeroTime,
  roundTime,
  subTimes,
  truncateTime,
  unixNano,
  wallClock,
  type GoTime,
} from './instant.ts';
import { pushInt64 } from './lua-int64.ts';
import { checkLocation, pushLocation } from './location-object.ts';
import { refusedOperators } from './operators.ts';
import { formatTimeString } from './time-string.ts';
import { LOCAL, UTC } from './zones.ts';

export const TIME_TYPE = 'time.Time';
export const RFC3339 = '2006-01-02T15:04:05Z07:00';

const time = userdataType<GoTime>(TIME_TYPE, 'time expected');
export const pushTime = time.push;
const checkTime = time.check;

const int = (L: LuaState, n: number) => pushInt64(L, BigInt(n));

/** A method that reads one wall-clock field. */
const field =
  (pick: (w: ReturnType<typeof wallClock>) => number): LuaFunction =>
  (L) => {
    int(L, pick(wallClock(checkTime(L, 1))));
    return 1;
  };

/** A method that makes a new Time from this one. */
const derive =
  (make: (L: LuaState, t: GoTime) => GoTime): LuaFunction =>
  (L) => {
    const t = checkTime(L, 1);
    pushTime(L, make(L, t));
    return 1;
  };

const compare =
  (test: (order: number) => boolean): LuaFunction =>
  (L) => {
    const t = checkTime(L, 1);
    lua.lua_pushboolean(L, test(compareTimes(t, checkTime(L, 2))));
    return 1;
  };

const checkInt = (L: LuaState, idx: number) => Math.trunc(lauxlib.luaL_checknumber(L, idx));

const methods: Record<string, LuaFunction> = {
  add: derive((L, t) => {
    const d = durationValue(L, 2);
    if (!d.ok) argError(L, 2, d.error);
    return addDuration(t, d.ns);
  }),
  add_date: derive((L, t) => addDate(t, checkInt(L, 2), checkInt(L, 3), checkInt(L, 4))),
  after: compare((order) => order > 0),
  before: compare((order) => order < 0),
  clock(L) {
    const w = wallClock(checkTime(L, 1));
    int(L, w.hour);
    int(L, w.minute);
    int(L, w.second);
    return 3;
  },
  date(L) {
    const w = wallClock(checkTime(L, 1));
    int(L, w.year);
    int(L, w.month);
    int(L, w.day);
    return 3;
  },
  day: field((w) => w.day),
  equal: compare((order) => order === 0),
  format(L) {
    const t = checkTime(L, 1);
    const layout = checkText(L, 2);
    lua.lua_pushstring(L, encodeUtf8(formatLayout(wallClock(t), layout)));
    return 1;
  },
  format_rfc3339(L) {
    pushText(L, formatLayout(wallClock(checkTime(L, 1)), RFC3339));
    return 1;
  },
  hour: field((w) => w.hour),
  in_local: derive((_L, t) => inLocation(t, LOCAL)),
  in_location: derive((L, t) => inLocation(t, checkLocation(L, 2))),
  is_zero(L) {
    lua.lua_pushboolean(L, isZeroTime(checkTime(L, 1)));
    return 1;
  },
  location(L) {
    pushLocation(L, checkTime(L, 1).loc);
    return 1;
  },
  minute: field((w) => w.minute),
  month: field((w) => w.month),
  nanosecond: field((w) => w.nsec),
  round: derive((L, t) => roundTime(t, checkDuration(L, 2))),
  second: field((w) => w.second),
  sub(L) {
    const t = checkTime(L, 1);
    pushDuration(L, subTimes(t, checkTime(L, 2)));
    return 1;
  },
  truncate: derive((L, t) => truncateTime(t, checkDuration(L, 2))),
  unix(L) {
    int(L, checkTime(L, 1).sec);
    return 1;
  },
  unix_nano(L) {
    pushInt64(L, unixNano(checkTime(L, 1)));
    return 1;
  },
  utc: derive((_L, t) => inLocation(t, UTC)),
  weekday: field((w) => w.weekday),
  year: field((w) => w.year),
  year_day: field((w) => w.yday),
};

export function registerTime(L: LuaState): void {
  time.register(L, {
    methods,
    metamethods: {
      __tostring(L1) {
        pushText(L1, formatTimeString(checkTime(L1, 1)));
        return 1;
      },
      ...refusedOperators(TIME_TYPE, {
        arithmetic: 'use t:sub(u), t:add(d) (as on the platform)',
        compare: 'use t:before(u), t:after(u), t:equal(u)',
        concat: 'use tostring(t) or t:format(layout)',
      }),
    },
  });
}
