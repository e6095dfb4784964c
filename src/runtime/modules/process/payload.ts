/**
 * The Payload userdata and the `payload` core global (runtime/lua/modules/payload/module.go,
 * spec.md; a core module of every state, engine/core_modules.go:102-108). A payload is a value
 * with a format: what `msg:payload()` and a future's channel give, and what `payload.new`
 * makes.
 *
 * - `p:data()` / `p:unmarshal()`: the Lua value. For a `lua/any` payload it is the same value
 *   on every call (module.go returns the stored LValue), so a payload keeps it as its
 *   uservalue, made on the first call from the copy it carries.
 * - `p:transcode(fmt)`: between `lua/any`, `json/plain`, `text/plain` and
 *   `application/octet-stream` as engine/payload/{json,string,bytes}.go do; YAML, msgpack and
 *   Go values are not emulated and fail with kind Internal, naming the format.
 * - `p:get_format()`, `tostring(p)` = `payload{format=lua/any}`.
 *
 * A Payload passed to `process.send` is "other userdata" and arrives as nil, as on the
 * platform (export.go clears every userdata that is not an error).
 */
import {
  checkText,
  encodeUtf8,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  typeName,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { platformNumberText } from '../../lua/platform-numbers.ts';
import { makeReadOnly } from '../../lua/readonly.ts';
import { userdataType } from '../../lua/userdata.ts';
import { copiedError, pushCopied } from '../../../process/payload-copy.ts';
import type { Copied } from '../../../process/types.ts';
import { returnError, runtimeError, toError } from '../errors.ts';
import { holeyArrayLength } from '../json.ts';
import { JsonSyntaxError, pushJson } from '../json-decode.ts';
import { EncodeError, encodeJson } from '../json-encode.ts';
import { PAYLOAD_FORMATS } from '../../../shared/payload-formats.ts';

export { PAYLOAD_FORMATS };

const { JSON: JSON_FORMAT, STRING, BYTES, LUA, ERROR } = PAYLOAD_FORMATS;

/**
 * What a payload carries: a copied value not yet in this state (a received message), a
 * value already in the state (the userdata's uservalue), or encoded bytes.
 */
type PayloadContent =
  { kind: 'copied'; value: Copied } | { kind: 'value' } | { kind: 'bytes'; bytes: Uint8Array };

interface Payload {
  format: string;
  content: PayloadContent;
}

const payloadType = userdataType<Payload>('payload', 'payload expected');

/** Push a payload of `lua/any` (or `golang/error` for an error) carrying a copied value. */
export function pushPayload(L: LuaState, value: Copied): void {
  const format = copiedError(value) ? ERROR : LUA;
  payloadType.push(L, { format, content: { kind: 'copied', value } });
}

/** Push a payload whose value is the Lua value at `idx` of this state (kept, not copied). */
function pushValuePayload(L: LuaState, idx: number, format: string): void {
  const abs = lua.lua_absindex(L, idx);
  payloadType.push(L, { format, content: { kind: 'value' } });
  lua.lua_pushvalue(L, abs);
  lua.lua_setuservalue(L, -2);
}

function pushBytesPayload(L: LuaState, bytes: Uint8Array, format: string): void {
  payloadType.push(L, { format, content: { kind: 'bytes', bytes } });
}

/** The payload at `idx` as a Lua value in this state (made once: see the header). */
function pushStoredValue(L: LuaState, idx: number, payload: Payload): void {
  if (payload.content.kind === 'copied') {
    pushCopied(L, payload.content.value);
    lua.lua_pushvalue(L, -1);
    lua.lua_setuservalue(L, idx);
    payload.content = { kind: 'value' };
    return;
  }
  lua.lua_getuservalue(L, idx);
}

class TranscodeError extends Error {}

/**
 * Push the payload's value as Lua (transcoding bytes formats as {json,string,bytes}.go's
 * X=>Lua do), or throw a TranscodeError.
 */
function pushAsLua(L: LuaState, idx: number, payload: Payload): void {
  const { content } = payload;
  if (content.kind !== 'bytes') {
    pushStoredValue(L, idx, payload);
    return;
  }
  if (payload.format === STRING || payload.format === BYTES) {
    lua.lua_pushlstring(L, content.bytes, content.bytes.length);
    return;
  }
  if (payload.format === JSON_FORMAT) {
    lua.lua_createtable(L, 0, 1);
    lua.lua_pushcfunction(L, holeyArrayLength);
    lua.lua_setfield(L, -2, luaString('__len'));
    const metatable = lua.lua_gettop(L);
    try {
      pushJson(L, content.bytes, metatable);
    } catch (e) {
      lua.lua_settop(L, metatable - 1);
      if (e instanceof JsonSyntaxError) throw new TranscodeError(e.message);
      throw e;
    }
    lua.lua_remove(L, metatable);
    return;
  }
  throw new TranscodeError(notEmulated(payload.format, LUA));
}

function notEmulated(from: string, to: string): string {
  return `no transcoder from ${from} to ${to} in the playground (it emulates lua/any, json/plain, text/plain and application/octet-stream)`;
}

/** Lua=>String / Lua=>Bytes (string.go, bytes.go): scalars as Go prints them. */
function scalarText(L: LuaState, idx: number): Uint8Array {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
      return new Uint8Array(0);
    case lua.LUA_TSTRING:
      return lua.lua_tolstring(L, idx) as Uint8Array;
    case lua.LUA_TBOOLEAN:
      return encodeUtf8(lua.lua_toboolean(L, idx) ? 'true' : 'false');
    case lua.LUA_TNUMBER:
      return encodeUtf8(
        lua.lua_isinteger(L, idx)
          ? String(lua.lua_tointeger(L, idx))
          : platformNumberText(lua.lua_tonumber(L, idx) as number),
      );
    default:
      // Tables print as Go's %v of a map: an order and a notation not worth emulating.
      throw new TranscodeError(`a ${typeName(L, idx)} to text is not emulated in the playground`);
  }
}

/** `p:transcode(format)` for the payload at 1, leaving the new payload on the stack. */
function transcode(L: LuaState, payload: Payload, target: string): void {
  // The same format: a new payload of the same content (a userdata of its own, as Go's).
  if (target === payload.format && payload.content.kind === 'bytes') {
    pushBytesPayload(L, payload.content.bytes, target);
    return;
  }
  if (payload.format === ERROR && target !== LUA && target !== ERROR)
    throw new TranscodeError(notEmulated(payload.format, target));
  pushAsLua(L, 1, payload);
  const value = lua.lua_gettop(L);
  try {
    switch (target) {
      case LUA:
      case ERROR:
        if (target === ERROR && !toError(L, value))
          throw new TranscodeError(notEmulated(payload.format, target));
        pushValuePayload(L, value, toError(L, value) ? ERROR : LUA);
        break;
      case JSON_FORMAT:
        pushBytesPayload(L, encodeUtf8(encodeJson(L, value)), JSON_FORMAT);
        break;
      case STRING:
      case BYTES:
        pushBytesPayload(L, scalarText(L, value), target);
        break;
      default:
        throw new TranscodeError(notEmulated(payload.format, target));
    }
  } catch (e) {
    lua.lua_settop(L, value);
    if (e instanceof EncodeError) throw new TranscodeError(e.message);
    throw e;
  } finally {
    if (lua.lua_gettop(L) > value) lua.lua_remove(L, value);
  }
}

function failed(L: LuaState, e: unknown, context: string): number {
  if (!(e instanceof TranscodeError)) throw e;
  return returnError(L, runtimeError('INTERNAL', e.message, false, context));
}

/** data() and unmarshal(): the value, or nil plus an Internal error. */
function valueMethod(context: string): LuaFunction {
  return (L) => {
    const payload = payloadType.check(L, 1);
    lua.lua_settop(L, 1);
    try {
      pushAsLua(L, 1, payload);
    } catch (e) {
      lua.lua_settop(L, 1);
      return failed(L, e, context);
    }
    return 1;
  };
}

const methods: Record<string, LuaFunction> = {
  data: valueMethod('transcode failed'),
  get_format(L) {
    pushText(L, payloadType.check(L, 1).format);
    return 1;
  },
  transcode(L) {
    const payload = payloadType.check(L, 1);
    const target = checkText(L, 2);
    lua.lua_settop(L, 2);
    try {
      transcode(L, payload, target);
    } catch (e) {
      lua.lua_settop(L, 2);
      return failed(L, e, 'transcode failed');
    }
    lua.lua_pushnil(L);
    return 2;
  },
  unmarshal: valueMethod('unmarshal failed'),
};

const library: Record<string, LuaFunction> = {
  /** payload.new(v): `lua/any`, or `golang/error` for an error object (module.go newPayload). */
  new(L) {
    lua.lua_settop(L, 1);
    pushValuePayload(L, 1, toError(L, 1) ? ERROR : LUA);
    return 1;
  },
};

/** Register the Payload type; every state that may receive a payload needs it. */
export function registerPayload(L: LuaState): void {
  if (lauxlib.luaL_getmetatable(L, luaString(payloadType.name)) !== lua.LUA_TNIL) {
    lua.lua_pop(L, 1);
    return;
  }
  lua.lua_pop(L, 1);
  payloadType.register(L, {
    methods,
    metamethods: {
      __tostring(L1) {
        pushText(L1, `payload{format=${payloadType.check(L1, 1).format}}`);
        return 1;
      },
    },
  });
}

/** The `payload` module: `new` and the `format` constants (read-only, as on the platform). */
export function openPayload(L: LuaState): number {
  registerPayload(L);
  lua.lua_newtable(L);
  setFunctions(L, library);
  lua.lua_newtable(L);
  for (const [name, value] of Object.entries(PAYLOAD_FORMATS)) {
    pushText(L, value);
    lua.lua_setfield(L, -2, luaString(name));
  }
  makeReadOnly(L, 'payload.format');
  lua.lua_setfield(L, -2, luaString('format'));
  return 1;
}
