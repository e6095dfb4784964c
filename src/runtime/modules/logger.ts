/**
 * The platform's `logger` module (wippyai/runtime `runtime/lua/modules/logger/logger.go`), as
 * a shim that prints instead of feeding zap: `require("logger")` is a `logger.Logger` userdata
 * with `debug`/`info`/`warn`/`error(message, fields?)` and `with(fields)`/`named(name)` for
 * child loggers. Each call writes one line: level, the logger's name, the message, then the
 * fields as JSON (`pid` first when the process gives one, then the logger's own fields, then
 * the call's; keys sorted inside each group, since a Lua table has no order).
 *
 * Field values as logger.go's tableToFields: strings, numbers and booleans as they are, error
 * values (and other userdata) as their text, tables as JSON; non-string keys are left out. In
 * `error(...)` the `error` field is the error's text, as zap.Error shows it.
 */
import {
  argError,
  decodeUtf8,
  lua,
  lauxlib,
  luaString,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import { encodeJson } from './json-encode.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One log line, already formatted (`INFO api: started {"port":8080}`), and its level. */
export type LogWriter = (line: string, level: LogLevel) => void;

export interface LoggerOptions {
  /** The process's pid, added to every line as the platform adds its frame's pid. */
  pid?: string;
}

type FieldValue = string | number | boolean | null | object;

interface LoggerValue {
  name: string;
  fields: Array<[string, FieldValue]>;
}

const loggerType = userdataType<LoggerValue>('logger.Logger', 'expected logger.Logger');

function fieldValue(L: LuaState, idx: number): FieldValue | undefined {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TSTRING:
    case lua.LUA_TUSERDATA:
      return toDisplayString(L, idx);
    case lua.LUA_TNUMBER:
      return lua.lua_isinteger(L, idx)
        ? Number(lua.lua_tointeger(L, idx))
        : (lua.lua_tonumber(L, idx) as number);
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx);
    case lua.LUA_TTABLE:
      try {
        return JSON.parse(encodeJson(L, idx)) as FieldValue;
      } catch {
        return toDisplayString(L, idx);
      }
    default:
      // zap.Any of a function or thread: its text, so the line still says something was there.
      return lua.lua_isnil(L, idx) ? undefined : toDisplayString(L, idx);
  }
}

/** The string-keyed fields of the table at `idx`, sorted by key. */
function tableFields(L: LuaState, idx: number): Array<[string, FieldValue]> {
  const fields: Array<[string, FieldValue]> = [];
  const table = lua.lua_absindex(L, idx);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, table) !== 0) {
    if (lua.lua_type(L, -2) === lua.LUA_TSTRING) {
      const value = fieldValue(L, lua.lua_gettop(L));
      if (value !== undefined) fields.push([toDisplayString(L, -2), value]);
    }
    lua.lua_pop(L, 1);
  }
  return fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function format(
  level: LogLevel,
  name: string,
  message: string,
  fields: Array<[string, FieldValue]>,
) {
  const head = `${level.toUpperCase()} ${name ? `${name}: ` : ''}${message}`;
  if (fields.length === 0) return head;
  return `${head} ${JSON.stringify(Object.fromEntries(fields))}`;
}

/** The `logger` module's opener; every line goes to `write`. */
export function openLogger(write: LogWriter, options: LoggerOptions = {}): LuaFunction {
  const contextFields: Array<[string, FieldValue]> = options.pid ? [['pid', options.pid]] : [];

  const log =
    (level: LogLevel): LuaFunction =>
    (L) => {
      const logger = loggerType.check(L, 1);
      const message = lauxlib.luaL_checklstring(L, 2) as Uint8Array;
      let fields: Array<[string, FieldValue]> = [];
      if (lua.lua_gettop(L) > 2) {
        lauxlib.luaL_checktype(L, 3, lua.LUA_TTABLE);
        fields = tableFields(L, 3);
      }
      const text = decodeUtf8(message);
      write(
        format(level, logger.name, text, [...contextFields, ...logger.fields, ...fields]),
        level,
      );
      return 0;
    };

  const methods: Record<string, LuaFunction> = {
    debug: log('debug'),
    error: log('error'),
    info: log('info'),
    named: (L) => {
      const logger = loggerType.check(L, 1);
      const name = lauxlib.luaL_checklstring(L, 2) as Uint8Array;
      if (name.length === 0) argError(L, 2, 'name cannot be empty');
      const own = decodeUtf8(name);
      loggerType.push(L, { ...logger, name: logger.name ? `${logger.name}.${own}` : own });
      return 1;
    },
    warn: log('warn'),
    with: (L) => {
      const logger = loggerType.check(L, 1);
      lauxlib.luaL_checktype(L, 2, lua.LUA_TTABLE);
      loggerType.push(L, { name: logger.name, fields: [...logger.fields, ...tableFields(L, 2)] });
      return 1;
    },
  };

  return (L: LuaState) => {
    loggerType.register(L, {
      methods,
      metamethods: {
        __tostring: (L1) => {
          const logger = loggerType.check(L1, 1);
          lua.lua_pushstring(L1, luaString(`logger.Logger${logger.name ? ` ${logger.name}` : ''}`));
          return 1;
        },
      },
    });
    loggerType.push(L, { name: '', fields: [] });
    return 1;
  };
}
