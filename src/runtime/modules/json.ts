/**
 * The `json` library as the platform has it (wippyai/runtime `runtime/lua/modules/json/`):
 * `encode`, `decode`, `validate`, `validate_string`. Every function returns a result and an
 * error (`nil` on success): encode and decode failures are kind Internal, bad input (not a
 * string, empty text) and schema failures kind Invalid, never retryable (module.go:29-81).
 * JSON null is nil; there is no `json.null` (reading it raises an error that says so).
 */
import {
  checkText,
  decodeUtf8,
  lua,
  luaString,
  pushText,
  raise,
  setFunctions,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { warn } from '../warnings.ts';
import { returnError, runtimeError, pushError, type ErrorKindName } from './errors.ts';
import { assertTableInternals } from '../lua/direct-values.ts';
import { JsonSyntaxError, pushJson } from './json-decode.ts';
import { EncodeError, encodeJson } from './json-encode.ts';
import { namesDraft07, validateJson, type SchemaOutcome } from './json-schema.ts';

const NULL_REMOVED =
  'json.null does not exist: JSON null decodes to nil, as on the platform ' +
  '(test a field with `if msg.field == nil`; leave a field out to send no value)';

function failure(L: LuaState, kind: ErrorKindName, message: string, context?: string): number {
  return returnError(L, runtimeError(kind, message, false, context));
}

/** `false, err` with kind Invalid, as json.go's validationError. */
function invalid(L: LuaState, message: string, context?: string): number {
  lua.lua_pushboolean(L, false);
  pushError(L, runtimeError('INVALID', message, false, context));
  return 2;
}

/** The `__len` of a decoded array with a null inside: its last index, as the platform's `#`. */
export function holeyArrayLength(L: LuaState): number {
  let last = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 1) !== 0) {
    lua.lua_pop(L, 1);
    if (lua.lua_isinteger(L, -1)) last = Math.max(last, lua.lua_tointeger(L, -1) as number);
  }
  lua.lua_pushinteger(L, last);
  return 1;
}

/** A schema argument as JSON text, or the error json.go's getSchemaJSON gives. */
function schemaText(L: LuaState): string | { message: string } {
  const type = lua.lua_type(L, 1);
  if (type === lua.LUA_TSTRING) return checkText(L, 1);
  if (type !== lua.LUA_TTABLE) return { message: 'schema must be a string or table' };
  try {
    return encodeJson(L, 1);
  } catch (e) {
    if (e instanceof EncodeError) return { message: e.message };
    throw e;
  }
}

function checkSchema(L: LuaState, schema: string, data: string): SchemaOutcome {
  if (namesDraft07(schema))
    warn(
      L,
      "json.validate: the schema names draft-07; it is read as JSON Schema 2020-12 (the draft the platform's validator implements)",
    );
  return validateJson(schema, data);
}

function validationResult(L: LuaState, outcome: SchemaOutcome): number {
  if (outcome.ok) {
    lua.lua_pushboolean(L, true);
    return 1;
  }
  return invalid(L, outcome.message, outcome.context);
}

const library: Record<string, LuaFunction> = {
  decode(L) {
    if (lua.lua_type(L, 1) !== lua.LUA_TSTRING) return failure(L, 'INVALID', 'string expected');
    const bytes = lua.lua_tolstring(L, 1) as Uint8Array;
    if (bytes.length === 0) return failure(L, 'INVALID', 'empty string is not valid JSON');
    lua.lua_settop(L, 1);
    try {
      // The upvalue: the metatable of decoded arrays with a null inside (openJson).
      if (pushJson(L, bytes, lua.lua_upvalueindex(1)).trailing)
        warn(L, 'json.decode: the text after the first JSON value is ignored');
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      lua.lua_settop(L, 1);
      return failure(L, 'INTERNAL', e.message, 'decode failed');
    }
    lua.lua_pushnil(L);
    return 2;
  },
  encode(L) {
    lua.lua_settop(L, 1);
    try {
      pushText(L, encodeJson(L, 1));
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      lua.lua_settop(L, 1);
      return failure(L, 'INTERNAL', e.message, 'encode failed');
    }
    lua.lua_pushnil(L);
    return 2;
  },
  validate(L) {
    if (lua.lua_isnoneornil(L, 1)) return invalid(L, 'schema is required');
    if (lua.lua_isnoneornil(L, 2)) return invalid(L, 'data is required');
    const schema = schemaText(L);
    if (typeof schema !== 'string') return invalid(L, schema.message, 'schema error');
    let data: string;
    try {
      data = encodeJson(L, 2);
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      return invalid(L, e.message, 'convert data');
    }
    return validationResult(L, checkSchema(L, schema, data));
  },
  validate_string(L) {
    if (lua.lua_isnoneornil(L, 1)) return invalid(L, 'schema is required');
    if (lua.lua_type(L, 2) !== lua.LUA_TSTRING) return invalid(L, 'data must be a JSON string');
    const schema = schemaText(L);
    if (typeof schema !== 'string') return invalid(L, schema.message, 'schema error');
    return validationResult(L, checkSchema(L, schema, decodeUtf8(lua.lua_tolstring(L, 2))));
  },
};

/** Reading a field the module lacks: `json.null` names the change, anything else is nil. */
function missingField(L: LuaState): number {
  if (lua.lua_type(L, 2) === lua.LUA_TSTRING && toDisplayString(L, 2) === 'null')
    raise(L, NULL_REMOVED);
  lua.lua_pushnil(L);
  return 1;
}

export function openJson(L: LuaState): number {
  assertTableInternals(L);
  lua.lua_newtable(L);
  setFunctions(L, library);
  // decode again, with its upvalue: the metatable of decoded arrays with a null inside.
  lua.lua_createtable(L, 0, 1);
  lua.lua_pushcfunction(L, holeyArrayLength);
  lua.lua_setfield(L, -2, luaString('__len'));
  lua.lua_pushcclosure(L, library.decode, 1);
  lua.lua_setfield(L, -2, luaString('decode'));
  lua.lua_newtable(L);
  lua.lua_pushcfunction(L, missingField);
  lua.lua_setfield(L, -2, luaString('__index'));
  lua.lua_setmetatable(L, -2);
  return 1;
}
