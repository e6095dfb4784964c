/**
 * Typed helpers over fengari's C-style API, shared by every Lua library of the runtime.
 * Names follow the C API they wrap so that Lua's reference manual explains them.
 */
import { lua, lauxlib, to_luastring } from 'fengari';
import type { LuaInteger, LuaState } from 'fengari';
import { pushsvalue2s } from 'fengari/src/lobject.js';
import { luaS_bless } from 'fengari/src/lstring.js';

export { lua, lauxlib };
export type { LuaInteger, LuaState };

export type LuaFunction = (L: LuaState) => number;

const textDecoder = new TextDecoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const textEncoder = new TextEncoder();

/** A Lua string for a JS literal, interned once (keys and constants on hot paths). */
export function luaString(s: string): Uint8Array {
  return to_luastring(s, true);
}

export function encodeUtf8(s: string): Uint8Array {
  return textEncoder.encode(s);
}

export function decodeUtf8(bytes: Uint8Array): string {
  return textDecoder.decode(bytes);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function pushText(L: LuaState, s: string): void {
  lua.lua_pushstring(L, encodeUtf8(s));
}

export function pushBytes(L: LuaState, bytes: Uint8Array): void {
  lua.lua_pushlstring(L, bytes, bytes.length);
}

/**
 * Push received bytes as a Lua string that keeps them as its storage, without the copy
 * pushBytes makes: a 16 MiB message costs 16 MiB once, not twice. Only for bytes nothing
 * writes to again (a received message). A small view into a bigger buffer is copied anyway,
 * so a string the script keeps never holds on to much more memory than its own length.
 */
export function pushReceivedBytes(L: LuaState, bytes: Uint8Array): void {
  if (bytes.byteLength === 0 || bytes.byteLength * 2 < bytes.buffer.byteLength) {
    pushBytes(L, bytes);
    return;
  }
  // A plain view: a Node Buffer's slice() shares memory where fengari expects a copy.
  pushsvalue2s(L, luaS_bless(L, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
}

/** The bytes of the string (or number) at `idx`, raising an argument error otherwise. */
export function checkBytes(L: LuaState, idx: number): Uint8Array {
  return lauxlib.luaL_checklstring(L, idx) as Uint8Array;
}

/** The string at `idx` decoded as UTF-8, raising an argument error when it is not a string. */
export function checkText(L: LuaState, idx: number): string {
  return decodeUtf8(checkBytes(L, idx));
}

/** `tostring(v)` of the value at `idx`, honouring `__tostring`; leaves the stack unchanged. */
export function toDisplayString(L: LuaState, idx: number): string {
  const s = lauxlib.luaL_tolstring(L, idx) as Uint8Array;
  lua.lua_pop(L, 1);
  return decodeUtf8(s);
}

/** Raise a Lua error with a message (never returns). */
export function raise(L: LuaState, message: string): never {
  lauxlib.luaL_error(L, luaString('%s'), encodeUtf8(message));
  throw new Error('unreachable');
}

/** Raise the standard "bad argument #n to 'f' (...)" error (never returns). */
export function argError(L: LuaState, arg: number, message: string): never {
  lauxlib.luaL_argerror(L, arg, encodeUtf8(message));
  throw new Error('unreachable');
}

/** Register `functions` into the table on top of the stack. */
export function setFunctions(L: LuaState, functions: Record<string, LuaFunction>): void {
  for (const name of Object.keys(functions)) {
    lua.lua_pushcfunction(L, functions[name]);
    lua.lua_setfield(L, -2, luaString(name));
  }
}

/** Read an optional field of the table at `idx` and leave it on the stack; returns its type. */
export function getField(L: LuaState, idx: number, name: string): number {
  return lua.lua_getfield(L, idx, luaString(name)) as number;
}

export function typeName(L: LuaState, idx: number): string {
  return decodeUtf8(lauxlib.luaL_typename(L, idx) as Uint8Array);
}
