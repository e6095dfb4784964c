/**
 * The platform's `uuid` module (runtime/lua/modules/uuid/module.go; docs lua/security/uuid.md):
 *
 * - `v1()`, `v4()`, `v7()` → `id, nil` (generate.ts);
 * - `v3(namespace, name)`, `v5(namespace, name)` → `id, nil`: MD5 / SHA-1 of the namespace's
 *   16 bytes then the name's bytes;
 * - `validate(x)` → `boolean, nil`, false for anything that is not a UUID string;
 * - `version(id)`, `variant(id)`, `parse(id)`, `format(id [, "standard"|"simple"|"urn"])`.
 *
 * Ids are lowercase with dashes; any text google/uuid's Parse takes is read (layout.ts).
 * Failures return `nil, err`, kind Invalid, not retryable, with the module's texts. Arguments
 * must be strings (go-lua's LTString: a number is not converted).
 */
import { checkText, lua, luaString, pushText, setFunctions, type LuaState } from '../../lua/api.ts';
import { isWippy } from '../../lua/dialect.ts';
import { markImmutable } from '../../lua/immutable.ts';
import { pushExactInteger } from '../../lua/integers.ts';
import { returnError, runtimeError } from '../errors.ts';
import { newV1, newV4, newV7 } from './generate.ts';
import {
  formatUuid,
  hashedUuid,
  nodeHex,
  parseUuid,
  unixSeconds,
  uuidVariant,
  uuidVersion,
  type UuidBytes,
} from './layout.ts';
import { md5 } from '../../digest/md5.ts';
import { sha1 } from '../../digest/sha1.ts';

const invalid = (L: LuaState, message: string) =>
  returnError(L, runtimeError('INVALID', message, false));

const isString = (L: LuaState, idx: number) => lua.lua_type(L, idx) === lua.LUA_TSTRING;

function pushId(L: LuaState, bytes: UuidBytes): number {
  pushText(L, formatUuid(bytes));
  lua.lua_pushnil(L);
  return 2;
}

const generator = (make: () => UuidBytes) => (L: LuaState) => pushId(L, make());

function hashed(digest: (message: Uint8Array) => Uint8Array, version: 3 | 5) {
  return (L: LuaState): number => {
    if (lua.lua_gettop(L) < 2 || !isString(L, 1) || !isString(L, 2))
      return invalid(L, 'namespace and name must be strings');
    const namespace = parseUuid(lua.lua_tostring(L, 1));
    if (!namespace) return invalid(L, 'invalid namespace UUID');
    return pushId(L, hashedUuid(digest, namespace, lua.lua_tostring(L, 2), version));
  };
}

/** The UUID at index 1 for version/variant/parse/format, or the count of `nil, err` pushed. */
function readId(L: LuaState): UuidBytes | number {
  if (!isString(L, 1)) return invalid(L, 'input must be a string');
  return parseUuid(lua.lua_tostring(L, 1)) ?? invalid(L, 'invalid UUID format');
}

/** A read id (`then`), or the error count readId pushed. */
function withId(then: (L: LuaState, id: UuidBytes) => number) {
  return (L: LuaState): number => {
    const id = readId(L);
    return typeof id === 'number' ? id : then(L, id);
  };
}

function validate(L: LuaState): number {
  lua.lua_pushboolean(L, isString(L, 1) && parseUuid(lua.lua_tostring(L, 1)) !== null);
  lua.lua_pushnil(L);
  return 2;
}

function setField(L: LuaState, name: string, push: () => void): void {
  push();
  lua.lua_setfield(L, -2, luaString(name));
}

/** `{version, variant}`, plus `timestamp` (Unix seconds) for v1 and v7 and `node` for v1. */
function parse(L: LuaState, id: UuidBytes): number {
  const version = uuidVersion(id);
  lua.lua_createtable(L, 0, 4);
  setField(L, 'version', () => lua.lua_pushinteger(L, version));
  setField(L, 'variant', () => pushText(L, uuidVariant(id)));
  if (version === 1 || version === 7)
    setField(L, 'timestamp', () => pushExactInteger(L, unixSeconds(id)));
  if (version === 1) setField(L, 'node', () => pushText(L, nodeHex(id)));
  lua.lua_pushnil(L);
  return 2;
}

const FORMATS: Record<string, (standard: string) => string> = {
  standard: (id) => id,
  simple: (id) => id.replaceAll('-', ''),
  urn: (id) => `urn:uuid:${id}`,
};

function format(L: LuaState): number {
  if (!isString(L, 1)) return invalid(L, 'input must be a string');
  // A format that is not a string is ignored, as module.go reads only an LTString.
  const name = isString(L, 2) ? checkText(L, 2) : 'standard';
  const id = parseUuid(lua.lua_tostring(L, 1));
  if (!id) return invalid(L, 'invalid UUID format');
  const render = Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
  if (!render) return invalid(L, 'unsupported format');
  pushText(L, render(formatUuid(id)));
  lua.lua_pushnil(L);
  return 2;
}

const FUNCTIONS = {
  format,
  parse: withId(parse),
  v1: generator(newV1),
  v3: hashed(md5, 3),
  v4: generator(newV4),
  v5: hashed(sha1, 5),
  v7: generator(newV7),
  validate,
  variant: withId((L, id) => {
    pushText(L, uuidVariant(id));
    lua.lua_pushnil(L);
    return 2;
  }),
  version: withId((L, id) => {
    lua.lua_pushinteger(L, uuidVersion(id));
    lua.lua_pushnil(L);
    return 2;
  }),
};

export function openUuid(L: LuaState): number {
  lua.lua_newtable(L);
  setFunctions(L, FUNCTIONS);
  // module.go: `mod.Immutable = true`.
  if (isWippy(L)) markImmutable(L, -1);
  return 1;
}
