/**
 * The `time` library as the platform has it (runtime/lua/modules/time: yields.go, spec.md;
 * docs en/lua/core/time.md): duration, layout, month and weekday constants, `time.utc` and
 * `time.localtz`, Time/Duration/Location objects, and the scheduling functions, whose timers
 * belong to the run. A number given as a duration is nanoseconds, as there.
 */
import {
  argError,
  checkText,
  decodeUtf8,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import type { Scheduler } from '../../scheduler.ts';
import { warn } from '../../warnings.ts';
import type { ChannelLibrary } from '../channel.ts';
import { returnError, runtimeError } from '../errors.ts';
import { durationValue, pushDuration, registerDuration } from './duration-object.ts';
import {
  formatGoDuration,
  HOUR,
  MICROSECOND,
  MILLISECOND,
  MINUTE,
  NANOSECOND,
  SECOND,
} from './go-duration.ts';
import { parseLayout } from './go-parse.ts';
import { formatLayout } from './go-layout.ts';
import { goDate, makeTime, wallClock } from './instant.ts';
import { pushInt64, pushNanoseconds, toInt64 } from './lua-int64.ts';
import { pushLocation, registerLocation, toLocation } from './location-object.ts';
import { pushTime, registerTime } from './time-object.ts';
import { delayMs, firedAt, msToNs, returnInvalid, timerDuration } from './timer-clock.ts';
import { timerLibrary } from './timer-objects.ts';
import type { Timers } from './timers.ts';
import { fixedZone, loadLocation, LOCAL, UTC, type Location } from './zones.ts';

const DURATIONS: Array<[string, bigint]> = [
  ['NANOSECOND', NANOSECOND],
  ['MICROSECOND', MICROSECOND],
  ['MILLISECOND', MILLISECOND],
  ['SECOND', SECOND],
  ['MINUTE', MINUTE],
  ['HOUR', HOUR],
];

const LAYOUTS: Record<string, string> = {
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339NANO: '2006-01-02T15:04:05.999999999Z07:00',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  KITCHEN: '3:04PM',
  STAMP: 'Jan _2 15:04:05',
  STAMP_MILLI: 'Jan _2 15:04:05.000',
  STAMP_MICRO: 'Jan _2 15:04:05.000000',
  STAMP_NANO: 'Jan _2 15:04:05.000000000',
  DATE_TIME: '2006-01-02 15:04:05',
  DATE_ONLY: '2006-01-02',
  TIME_ONLY: '15:04:05',
};

const MONTHS =
  'JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER';
const WEEKDAYS = 'SUNDAY MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY';

const checkInt = (L: LuaState, idx: number) => Math.trunc(lauxlib.luaL_checknumber(L, idx));

/** The optional location argument: absent means Local; present but not a Location raises. */
function optLocation(L: LuaState, idx: number): Location {
  if (lua.lua_gettop(L) < idx) return LOCAL;
  const location = toLocation(L, idx);
  if (!location) argError(L, idx, 'location expected');
  return location;
}

export function openTime(
  scheduler: Scheduler,
  channels: ChannelLibrary,
  timers: Timers,
): LuaFunction {
  const clock = timers.clock;
  const monoStart = clock.monotonic?.();
  const objects = timerLibrary(channels, timers);

  const library: Record<string, LuaFunction> = {
    after(L) {
      const d = timerDuration(L, 1, 'time.after');
      if (!d.ok) return returnInvalid(L, d.error);
      if (d.ns <= 0n) return returnInvalid(L, 'time.after: duration must be > 0');
      const channel = channels.create(L, 1);
      timers.start(delayMs(d.ns), () => {
        if (channel.core.closed) return;
        channel.core.push({ kind: 'pushed', push: (L1) => pushTime(L1, firedAt(clock)) });
        channel.core.close();
      });
      return 1;
    },
    date(L) {
      const fields = [1, 2, 3, 4, 5, 6, 7].map((i) => checkInt(L, i));
      const location = optLocation(L, 8);
      const [y, mo, d, h, mi, s, ns] = fields;
      pushTime(L, goDate(y, mo, d, h, mi, s, ns, location));
      return 1;
    },
    fixed_zone(L) {
      const name = checkText(L, 1);
      pushLocation(L, fixedZone(name, checkInt(L, 2)));
      return 1;
    },
    load_location(L) {
      const name = checkText(L, 1);
      if (name === '') return returnInvalid(L, 'empty location name');
      const result = loadLocation(name);
      if (!result.ok) return returnError(L, runtimeError('NOT_FOUND', result.error));
      pushLocation(L, result.location);
      return 1;
    },
    now(L) {
      // As Go's time.Now(): a monotonic reading counted from the start (of the run, here).
      const mono =
        monoStart === undefined || !clock.monotonic
          ? null
          : msToNs(clock.monotonic() - monoStart) + 1n;
      pushTime(L, makeTime(0n, msToNs(clock.now()), LOCAL, mono));
      return 1;
    },
    parse(L) {
      const layout = decodeUtf8(lauxlib.luaL_checklstring(L, 1));
      const value = decodeUtf8(lauxlib.luaL_checklstring(L, 2));
      const location = optLocation(L, 3);
      const result = parseLayout(layout, value, location);
      if (!result.ok) return returnInvalid(L, result.error);
      if (result.unknownZone) {
        warn(
          L,
          `time.parse: "${result.unknownZone}" is not a zone of ${location.name}, so the time is ` +
            `read at offset ${formatLayout(wallClock(result.time), '-07:00')} (as on the platform, ` +
            `Go's rule); use a numeric offset layout or pass the location`,
        );
      }
      pushTime(L, result.time);
      return 1;
    },
    parse_duration(L) {
      const d = durationValue(L, 1);
      if (!d.ok) return returnInvalid(L, d.error);
      pushDuration(L, d.ns);
      return 1;
    },
    sleep(L) {
      const d = timerDuration(L, 1, 'time.sleep');
      if (!d.ok) return returnInvalid(L, d.error);
      if (d.ns < 0n) {
        warn(
          L,
          `time.sleep(${formatGoDuration(d.ns)}): a negative duration returns at once (as on the platform)`,
        );
      }
      const task = scheduler.current;
      scheduler.assertCanBlock(L);
      let done = false;
      timers.start(delayMs(d.ns), () => {
        done = true;
        scheduler.wake(task);
      });
      const wait = (L1: LuaState): number => (done ? 0 : scheduler.suspend(L1, wait));
      return wait(L);
    },
    ticker(L) {
      const d = timerDuration(L, 1, 'time.ticker');
      if (!d.ok) return returnInvalid(L, d.error);
      if (d.ns <= 0n) return returnInvalid(L, 'time.ticker: duration must be > 0');
      objects.newTicker(L, d.ns);
      return 1;
    },
    timer(L) {
      const d = timerDuration(L, 1, 'time.timer');
      if (!d.ok) return returnInvalid(L, d.error);
      if (d.ns <= 0n) return returnInvalid(L, 'time.timer: duration must be > 0');
      objects.newTimer(L, d.ns);
      return 1;
    },
    unix(L) {
      lauxlib.luaL_checknumber(L, 1);
      lauxlib.luaL_checknumber(L, 2);
      pushTime(L, makeTime(toInt64(L, 1), toInt64(L, 2), LOCAL));
      return 1;
    },
  };

  return (L) => {
    registerTime(L);
    registerDuration(L);
    registerLocation(L);
    objects.register(L);
    lua.lua_newtable(L);
    setFunctions(L, library);
    for (const [name, ns] of DURATIONS) {
      pushNanoseconds(L, ns);
      lua.lua_setfield(L, -2, luaString(name));
    }
    for (const [name, layout] of Object.entries(LAYOUTS)) {
      pushText(L, layout);
      lua.lua_setfield(L, -2, luaString(name));
    }
    MONTHS.split(' ').forEach((name, i) => {
      pushInt64(L, BigInt(i + 1));
      lua.lua_setfield(L, -2, luaString(name));
    });
    WEEKDAYS.split(' ').forEach((name, i) => {
      pushInt64(L, BigInt(i));
      lua.lua_setfield(L, -2, luaString(name));
    });
    pushLocation(L, UTC);
    lua.lua_setfield(L, -2, luaString('utc'));
    pushLocation(L, LOCAL);
    lua.lua_setfield(L, -2, luaString('localtz'));
    return 1;
  };
}
