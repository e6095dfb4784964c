/**
 * Lua strings are bytes; the Go formatter works on "byte strings" (one JS char per byte,
 * 0-255) so that invalid UTF-8 survives as it does in Go. Conversions both ways.
 */
import { lua, type LuaState } from '../../lua/api.ts';

const CHUNK = 8192;

export function toByteString(bytes: Uint8Array): string {
  if (bytes.length <= CHUNK) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  let s = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return s;
}

export function fromByteString(s: string): Uint8Array {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** A JS (UTF-16) string as a byte string of its UTF-8. */
export function utf8ByteString(s: string): string {
  // ASCII, the common case, is its own byte string.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : toByteString(new TextEncoder().encode(s));
}

export function pushByteString(L: LuaState, s: string): void {
  const bytes = fromByteString(s);
  lua.lua_pushlstring(L, bytes, bytes.length);
}
