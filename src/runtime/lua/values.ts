/**
 * Copying plain Lua data (options tables, json.encode input) into JS values that pure
 * TypeScript can validate. Strings stay as bytes until a caller decides how to read them.
 */
import { lua, decodeUtf8, type LuaState } from './api.ts';

/** A Lua table as its entries, in `next` order, keys and values converted. */
export class LuaTable {
  constructor(readonly entries: Array<[LuaValue, LuaValue]>) {}

  get(key: string): LuaValue | undefined {
    for (const [k, v] of this.entries) if (k === key) return v;
    return undefined;
  }

  /** The values at 1..n when the table is exactly a sequence, else null. */
  asArray(): LuaValue[] | null {
    const byIndex = new Map<number, LuaValue>();
    for (const [k, v] of this.entries) {
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) return null;
      byIndex.set(k, v);
    }
    const values: LuaValue[] = [];
    for (let i = 1; i <= byIndex.size; i++) {
      if (!byIndex.has(i)) return null;
      values.push(byIndex.get(i) as LuaValue);
    }
    return values;
  }
}

/** A value we cannot copy (function, userdata, thread), kept by its type name. */
export class LuaOpaque {
  constructor(
    readonly typeName: string,
    readonly display: string,
  ) {}
}

export type LuaValue = null | boolean | number | string | LuaTable | LuaOpaque;

/**
 * Convert the value at `idx`. Strings are decoded as UTF-8 (lossy); tables are copied
 * recursively; a cycle shows up as excessive depth, which becomes an error for the caller.
 */
export function toLuaValue(L: LuaState, idx: number, depth = 0): LuaValue {
  const abs = lua.lua_absindex(L, idx);
  switch (lua.lua_type(L, abs)) {
    case lua.LUA_TNONE:
    case lua.LUA_TNIL:
      return null;
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, abs) as boolean;
    case lua.LUA_TNUMBER:
      // Options and durations need JS numbers; an integer beyond 2^53 comes as the nearest
      // double, which is outside every range they accept anyway.
      return lua.lua_tonumber(L, abs);
    case lua.LUA_TSTRING:
      return decodeUtf8(lua.lua_tolstring(L, abs) as Uint8Array);
    case lua.LUA_TTABLE: {
      if (depth > 100) throw new RangeError('table nested too deeply (a cycle?)');
      const entries: Array<[LuaValue, LuaValue]> = [];
      lua.lua_pushnil(L);
      while (lua.lua_next(L, abs) !== 0) {
        entries.push([toLuaValue(L, -2, depth + 1), toLuaValue(L, -1, depth + 1)]);
        lua.lua_pop(L, 1);
      }
      return new LuaTable(entries);
    }
    default: {
      const name = decodeUtf8(lua.lua_typename(L, lua.lua_type(L, abs)) as Uint8Array);
      return new LuaOpaque(name, name);
    }
  }
}

export function describeValue(v: LuaValue): string {
  if (v === null) return 'nil';
  if (v instanceof LuaTable) return 'table';
  if (v instanceof LuaOpaque) return v.typeName;
  return typeof v;
}
