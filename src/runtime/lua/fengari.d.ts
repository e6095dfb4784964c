/**
 * fengari ships no type declarations. This declares the engine loosely: its API mirrors
 * Lua 5.3's C API one to one (see the Lua reference manual, section 4), and our wrappers in
 * src/runtime/lua/ give the rest of the runtime typed helpers on top of it.
 */
declare module 'fengari' {
  /** A Lua thread (lua_State*). Opaque to us, but a stable JS object per thread. */
  export type LuaState = { readonly __luaState: unique symbol };
  /* eslint-disable @typescript-eslint/no-explicit-any */
  type Api = Record<string, any>;
  export const lua: Api;
  export const lauxlib: Api;
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
