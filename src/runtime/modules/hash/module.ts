/**
 * The platform's `hash` module (runtime/lua/modules/hash/module.go; docs lua/security/hash.md):
 *
 * - `md5`, `sha1`, `sha256`, `sha512` `(data [, raw])` → the digest as lowercase hex, or its
 *   bytes when `raw` is truthy, then nil;
 * - `hmac_md5`, `hmac_sha1`, `hmac_sha256`, `hmac_sha512` `(data, secret [, raw])` → the same
 *   for HMAC (RFC 2104) keyed by `secret`;
 * - `fnv32`, `fnv64` `(data)` → FNV-1a as a number (a float, as the module pushes
 *   `lua.LNumber`: a 64-bit value rounds to the nearest double, as Go's conversion does).
 *
 * Arguments must be strings (go-lua's LTString: a number is not converted); otherwise
 * `nil, err` with `data must be a string` or `secret must be a string`, kind Invalid, not
 * retryable. `raw` is read as Lua truth (go-lua's ToBool), so `0` and `""` mean raw too.
 * The digests are the playground's own (src/runtime/digest/): a Lua call cannot wait for Web
 * Crypto's asynchronous digest, and Web Crypto has no MD5.
 */
import { lua, pushBytes, pushText, setFunctions, type LuaState } from '../../lua/api.ts';
import { isWippy } from '../../lua/dialect.ts';
import { markImmutable } from '../../lua/immutable.ts';
import { fnv32, fnv64 } from '../../digest/fnv.ts';
import { hmac, type Digest } from '../../digest/hmac.ts';
import { md5 } from '../../digest/md5.ts';
import { sha1 } from '../../digest/sha1.ts';
import { sha256 } from '../../digest/sha256.ts';
import { sha512 } from '../../digest/sha512.ts';
import { returnError, runtimeError } from '../errors.ts';

const MD5: Digest = { hash: md5, blockSize: 64 };
const SHA1: Digest = { hash: sha1, blockSize: 64 };
const SHA256: Digest = { hash: sha256, blockSize: 64 };
const SHA512: Digest = { hash: sha512, blockSize: 128 };

/**
 * spec.md says FNV-1a; module.go calls Go's `fnv.New32`/`New64`, which are FNV-1. The
 * documented contract wins (docs/platform-differences.md, "hash").
 */
const FNV_VARIANT = '1a';

const isString = (L: LuaState, idx: number) => lua.lua_type(L, idx) === lua.LUA_TSTRING;

/** The string argument at `idx` as bytes, or null after pushing `nil, err` (2 values). */
function stringArgument(L: LuaState, idx: number, name: string): Uint8Array | null {
  if (isString(L, idx)) return lua.lua_tostring(L, idx);
  returnError(L, runtimeError('INVALID', `${name} must be a string`, false));
  return null;
}

const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** `digest, nil`: hex, or the bytes when the argument at `rawIdx` is truthy. */
function pushDigest(L: LuaState, digest: Uint8Array, rawIdx: number): number {
  // module.go: `raw := l.GetTop() >= n && l.ToBool(n)`; an absent argument reads as false.
  if (lua.lua_toboolean(L, rawIdx)) pushBytes(L, digest);
  else pushText(L, toHex(digest));
  lua.lua_pushnil(L);
  return 2;
}

function plain(digest: Digest) {
  return (L: LuaState): number => {
    const data = stringArgument(L, 1, 'data');
    return data ? pushDigest(L, digest.hash(data), 2) : 2;
  };
}

function keyed(digest: Digest) {
  return (L: LuaState): number => {
    const data = stringArgument(L, 1, 'data');
    if (!data) return 2;
    const secret = stringArgument(L, 2, 'secret');
    return secret ? pushDigest(L, hmac(digest, secret, data), 3) : 2;
  };
}

function fnv(compute: (data: Uint8Array) => number) {
  return (L: LuaState): number => {
    const data = stringArgument(L, 1, 'data');
    if (!data) return 2;
    lua.lua_pushnumber(L, compute(data));
    lua.lua_pushnil(L);
    return 2;
  };
}

const FUNCTIONS = {
  fnv32: fnv((data) => fnv32(data, FNV_VARIANT)),
  fnv64: fnv((data) => Number(fnv64(data, FNV_VARIANT))),
  hmac_md5: keyed(MD5),
  hmac_sha1: keyed(SHA1),
  hmac_sha256: keyed(SHA256),
  hmac_sha512: keyed(SHA512),
  md5: plain(MD5),
  sha1: plain(SHA1),
  sha256: plain(SHA256),
  sha512: plain(SHA512),
};

export function openHash(L: LuaState): number {
  lua.lua_newtable(L);
  setFunctions(L, FUNCTIONS);
  // module.go: `mod.Immutable = true`.
  if (isWippy(L)) markImmutable(L, -1);
  return 1;
}
