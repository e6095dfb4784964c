/**
 * `time.Duration` userdata and the two ways the platform reads a duration argument
 * (yields.go:1656-1690): a number is **nanoseconds** (integers exact, floats truncated as Go
 * converts them), a string is Go's `time.ParseDuration`, a Duration is itself.
 */
import {
  decodeUtf8,
  lua,
  luaString,
  pushText,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import {
  durationIn,
  formatGoDuration,
  HOUR,
  MICROSECOND,
  MILLISECOND,
  MINUTE,
  parseGoDuration,
  SECOND,
} from './go-duration.ts';
import { pushInt64, pushNanoseconds, toInt64 } from './lua-int64.ts';
import { refusedOperators } from './operators.ts';

export const DURATION_TYPE = 'time.Duration';

const duration = userdataType<bigint>(DURATION_TYPE, 'duration expected');
export const pushDuration = duration.push;
export const toDuration = duration.to;
/** A Duration object, where a number or a string will not do (`t:round(d)`). */
export const checkDuration = duration.check;

export type DurationArg =
  | { ok: true; ns: bigint; /** the Lua number, when one was given */ number?: number }
  | { ok: false; error: string };

/** Go's `%T` of a value that is not a duration, for the platform's error messages. */
function goTypeName(L: LuaState, idx: number): string {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNONE:
    case lua.LUA_TNIL:
      return '*lua.LNilType';
    case lua.LUA_TBOOLEAN:
      return 'lua.LBool';
    case lua.LUA_TTABLE:
      return '*lua.LTable';
    case lua.LUA_TFUNCTION:
      return '*lua.LFunction';
    case lua.LUA_TTHREAD:
      return '*lua.LState';
    default: {
      if (!lua.lua_getmetatable(L, idx)) return '*lua.LUserData';
      lua.lua_getfield(L, -1, luaString('__name'));
      const name = lua.lua_isstring(L, -1) ? decodeUtf8(lua.lua_tostring(L, -1)) : '';
      lua.lua_pop(L, 2);
      const goNames: Record<string, string> = {
        'time.Time': '*time.Time',
        'time.Location': '*time.Location',
        'time.Timer': '*time.Timer',
        'time.Ticker': '*time.Ticker',
        'channel.Channel': '*engine.Channel',
        'errors.Error': '*lua.Error',
      };
      return goNames[name] ?? '*lua.LUserData';
    }
  }
}

function readCommon(L: LuaState, idx: number): DurationArg | null {
  const type = lua.lua_type(L, idx);
  if (type === lua.LUA_TNUMBER) {
    return { ok: true, ns: toInt64(L, idx), number: lua.lua_tonumber(L, idx) as number };
  }
  if (type === lua.LUA_TSTRING) {
    const parsed = parseGoDuration(decodeUtf8(lua.lua_tolstring(L, idx) as Uint8Array));
    return parsed.ok ? { ok: true, ns: parsed.ns } : parsed;
  }
  const d = toDuration(L, idx);
  return d === null ? null : { ok: true, ns: d };
}

/** `ParseDuration` (sleep, after, timer, ticker, reset). */
export function durationArg(L: LuaState, idx: number): DurationArg {
  return readCommon(L, idx) ?? { ok: false, error: 'duration must be number or string' };
}

/** `parseDurationValue` (`t:add`, `time.parse_duration`): its own messages for other types. */
export function durationValue(L: LuaState, idx: number): DurationArg {
  const common = readCommon(L, idx);
  if (common) return common;
  if (lua.lua_type(L, idx) === lua.LUA_TUSERDATA) {
    return { ok: false, error: `invalid duration type: ${goTypeName(L, idx)}` };
  }
  return { ok: false, error: `invalid value type: ${goTypeName(L, idx)}` };
}

const check = (L: LuaState): bigint => checkDuration(L, 1);

const methods: Record<string, LuaFunction> = {
  nanoseconds(L) {
    pushNanoseconds(L, check(L));
    return 1;
  },
  microseconds(L) {
    pushInt64(L, check(L) / MICROSECOND);
    return 1;
  },
  milliseconds(L) {
    pushInt64(L, check(L) / MILLISECOND);
    return 1;
  },
  seconds(L) {
    lua.lua_pushnumber(L, durationIn(check(L), SECOND));
    return 1;
  },
  minutes(L) {
    lua.lua_pushnumber(L, durationIn(check(L), MINUTE));
    return 1;
  },
  hours(L) {
    lua.lua_pushnumber(L, durationIn(check(L), HOUR));
    return 1;
  },
};

export function registerDuration(L: LuaState): void {
  duration.register(L, {
    methods,
    metamethods: {
      __tostring(L1) {
        pushText(L1, formatGoDuration(check(L1)));
        return 1;
      },
      ...refusedOperators(DURATION_TYPE, {
        arithmetic: 'use d:nanoseconds(), d:seconds() (as on the platform)',
        compare: 'compare d:nanoseconds()',
        concat: 'use tostring(d)',
      }),
    },
  });
}
