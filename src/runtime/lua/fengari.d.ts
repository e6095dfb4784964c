/**
 * fengari ships no type declarations. This declares the engine loosely: its API mirrors
 * Lua 5.3's C API one to one (see the Lua reference manual, section 4), and our wrappers in
 * src/runtime/lua/ give the rest of the runtime typed helpers on top of it.
 */
declare module 'fengari' {
  /** A Lua thread (lua_State*). Opaque to us, but a stable JS object per thread. */
  export type LuaState = { readonly __luaState: unique symbol };
  /**
   * A Lua integer (64-bit, from our patch: docs/engine.md): a JS number when it is a safe
   * integer (|n| <= 2^53 - 1), a BigInt otherwise. The form is canonical, so `===` works.
   */
  export type LuaInteger = number | bigint;
  /* eslint-disable @typescript-eslint/no-explicit-any */
  type Api = Record<string, any>;
  /** The functions whose integer types matter are declared; the rest stays loose. */
  interface LuaApi extends Api {
    /** Accepts any integral number or BigInt in the int64 range (a BigInt wraps like a C cast). */
    lua_pushinteger(L: LuaState, n: LuaInteger): void;
    lua_tointeger(L: LuaState, idx: number): LuaInteger;
    lua_tointegerx(L: LuaState, idx: number): LuaInteger | false;
    lua_isinteger(L: LuaState, idx: number): boolean;
    /** Always a float: an integer beyond 2^53 comes as the nearest double. */
    lua_tonumber(L: LuaState, idx: number): number;
    lua_tonumberx(L: LuaState, idx: number): number | false;
  }
  interface LauxApi extends Api {
    luaL_checkinteger(L: LuaState, arg: number): LuaInteger;
    luaL_optinteger(L: LuaState, arg: number, def: LuaInteger): LuaInteger;
    luaL_checknumber(L: LuaState, arg: number): number;
    luaL_optnumber(L: LuaState, arg: number, def: number): number;
  }
  export const lua: LuaApi;
  export const lauxlib: LauxApi;
  export const lualib: Api;
  export const luaconf: Api;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  export function to_luastring(s: string, cache?: boolean): Uint8Array;
  export function to_jsstring(
    s: Uint8Array,
    from?: number,
    to?: number,
    replacement_char?: boolean,
  ): string;
}

/** Internals: pushing a string without a copy (api.ts pushReceivedBytes), and building
 * decoded JSON tables directly (modules/json-decode.ts). */
declare module 'fengari/src/lstring.js' {
  import type { LuaState } from 'fengari';
  /** A Lua string object whose storage is `bytes` itself. */
  export function luaS_bless(L: LuaState, bytes: Uint8Array): object;
  /** The string's key in a table's map (computed once per string object). */
  export function luaS_hashlongstr(ts: object): string;
}
declare module 'fengari/src/lobject.js' {
  import type { LuaState } from 'fengari';
  /** Push a string object made by luaS_bless. */
  export function pushsvalue2s(L: LuaState, ts: object): void;
  /** A Lua value: a type tag (defs.js) and its payload. */
  export class TValue {
    constructor(type: number, value: unknown);
    type: number;
    value: unknown;
  }
  /** Push a copy of `tv` (the caller made room with lua_checkstack). */
  export function pushobj2s(L: LuaState, tv: TValue): void;
}
declare module 'fengari/src/ltable.js' {
  import type { LuaState } from 'fengari';
  import type { TValue } from 'fengari/src/lobject.js';
  /** An entry of a table: in its map by hash, and in a list that gives `next` its order. */
  export interface TableEntry {
    key: TValue;
    value: TValue;
    p: TableEntry | undefined;
    n: TableEntry | undefined;
  }
  /** fengari's table object (what lua_topointer returns for a table). */
  export interface Table {
    strong: Map<string | number, TableEntry>;
    f: TableEntry | undefined;
    l: TableEntry | undefined;
    metatable: object | null;
  }
  export function luaH_new(L: LuaState): Table;
}
declare module 'fengari/src/lprintf.js' {
  /** A C conversion: flags ("-+ #0"), width and precision (-1: none), one conversion letter. */
  export class FormatSpec {
    constructor(flags: string, width: number, precision: number, conversion: string);
  }
  /** `%e %f %g %a` (and upper case) of a float, as glibc prints them. */
  export function format_float(spec: FormatSpec, x: number): string;
}
