/**
 * `tostring` as wippyai/go-lua has it (`baselib.go` `baseToString` → `ToStringMeta`): a
 * `__tostring` metamethod is called and whatever it returns is the result (no check that it
 * is a string); `__name` is not consulted; numbers use go-lua's number text; other values are
 * their Go `String()`: `table: 0x…`, `function: 0x…` for Lua functions, `gofunc: 0x…` for
 * built-ins (go-lua's `LGoFunc`), `userdata: 0x…`, `thread: 0x…`. The hex is the engine's
 * object id, not a memory address (a page has none), as for lua53 (docs/engine.md).
 */
import { lauxlib, lua, luaString, pushText, type LuaState } from '../../lua/api.ts';
import { numberText } from './number-text.ts';

interface EngineGlobal {
  id_counter: number;
  ids: WeakMap<object, number>;
}

/** The id fengari's `%p` shows for an object: its own `id`, or one kept in `l_G.ids`. */
function objectId(L: LuaState, idx: number): string {
  const object = lua.lua_topointer(L, idx) as { id?: number } | null;
  if (object === null) return '0';
  if (typeof object.id === 'number') return object.id.toString(16);
  const g = (L as unknown as { l_G: EngineGlobal }).l_G;
  let id = g.ids.get(object);
  if (id === undefined) {
    id = g.id_counter++;
    g.ids.set(object, id);
  }
  return id.toString(16);
}

/** Go's `String()` of the value at `idx`, without metamethods. */
export function goValueText(L: LuaState, idx: number): string {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
    case lua.LUA_TNONE:
      return 'nil';
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx) ? 'true' : 'false';
    case lua.LUA_TNUMBER:
      return numberText(L, idx);
    case lua.LUA_TTABLE:
      return `table: 0x${objectId(L, idx)}`;
    case lua.LUA_TFUNCTION:
      return `${lua.lua_iscfunction(L, idx) ? 'gofunc' : 'function'}: 0x${objectId(L, idx)}`;
    case lua.LUA_TTHREAD:
      return `thread: 0x${objectId(L, idx)}`;
    default:
      return `userdata: 0x${objectId(L, idx)}`;
  }
}

/** Push `tostring(v)` of the value at `idx`, as go-lua's `ToStringMeta`. */
export function pushToString(L: LuaState, idx: number): void {
  const abs = lua.lua_absindex(L, idx);
  if (lauxlib.luaL_getmetafield(L, abs, luaString('__tostring')) !== lua.LUA_TNIL) {
    lua.lua_pushvalue(L, abs);
    lua.lua_call(L, 1, 1);
    return;
  }
  if (lua.lua_type(L, abs) === lua.LUA_TSTRING) lua.lua_pushvalue(L, abs);
  else pushText(L, goValueText(L, abs));
}

export function tostring(L: LuaState): number {
  lauxlib.luaL_checkany(L, 1);
  pushToString(L, 1);
  return 1;
}
