/**
 * How erased code reaches its types without moving a line. The built-in type values are
 * globals (`Number`, `Integer`, …) and so are the hidden names erasing gives a called built-in
 * (`integer(x)` runs as `_Ti    (x)`; a bare `integer` stays an ordinary global, nil) and the
 * value form of `typeof` (`_Tv`). A chunk that declares types, or asks `typeof` of a name with a
 * declared type, gets its own environment: a table holding its types by name and its static
 * `typeof` helper (`_Tk(index, e)`), that reads and writes every other global through `_G`.
 * This is the playground's form of go-lua's `injectProtoTypes` (types bound beside the chunk).
 */
import { lua, luaString, type LuaState } from '../../lua/api.ts';
import type { Manifest } from '../../../dialect/manifest.ts';
import { HIDDEN_TYPE_NAMES, TYPEOF_STATIC, TYPEOF_VALUE } from '../../../dialect/manifest.ts';
import type { RuntimeType, TypeScope } from './type-model.ts';
import {
  activeState,
  BUILTIN_TYPES,
  openTypeValues,
  pushType,
  pushTypeOfValue,
  toType,
} from './type-values.ts';

/** The capitalised built-in type globals the docs use (`Number:kind()`, `Integer <= Number`). */
const CAPITALISED: Record<string, string> = {
  Nil: 'nil', Boolean: 'boolean', Number: 'number', Integer: 'integer', String: 'string',
  Any: 'any', Unknown: 'unknown', Never: 'never',
}; // prettier-ignore

/**
 * `inner.Inner` in a type: the type value `Inner` of the module `inner` names, once required
 * (package.loaded); null while it is not (the type is then unresolved).
 */
function requiredType(module: string, name: string): RuntimeType | null {
  const L = activeState();
  if (!L) return null;
  const top = lua.lua_gettop(L);
  lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, luaString('_LOADED'));
  let found: RuntimeType | null = null;
  if (lua.lua_istable(L, -1)) {
    lua.lua_getfield(L, -1, luaString(module));
    if (lua.lua_istable(L, -1)) {
      lua.lua_getfield(L, -1, luaString(name));
      found = toType(L, -1);
    }
  }
  lua.lua_settop(L, top);
  return found;
}

/** Once per state, under the `wippy` dialect: the metatable and the type globals. */
export function openTypes(L: LuaState): void {
  openTypeValues(L);
  for (const [global, name] of Object.entries(CAPITALISED)) {
    pushType(L, BUILTIN_TYPES[name]);
    lua.lua_setglobal(L, luaString(global));
  }
  for (const [name, hidden] of Object.entries(HIDDEN_TYPE_NAMES)) {
    if (!BUILTIN_TYPES[name]) continue;
    pushType(L, BUILTIN_TYPES[name]);
    lua.lua_setglobal(L, luaString(hidden));
  }
  lua.lua_pushcfunction(L, (L1: LuaState) => {
    pushTypeOfValue(L1, 1);
    return 1;
  });
  lua.lua_setglobal(L, luaString(TYPEOF_VALUE));
}

/**
 * Binds a loaded chunk (the function at `funcIdx`) to its manifest: when it declares types or
 * has static `typeof` sites, its `_ENV` becomes a table of its own (see above).
 */
export function bindManifest(L: LuaState, funcIdx: number, manifest: Manifest): void {
  if (manifest.types.length === 0 && manifest.typeofs.length === 0) return;
  const fn = lua.lua_absindex(L, funcIdx);
  const scope: TypeScope = {
    types: new Map(manifest.types.map((t) => [t.name, t])),
    external: (module, name) => requiredType(manifest.requires[module] ?? module, name),
  };
  lua.lua_newtable(L);
  const env = lua.lua_gettop(L);
  for (const declared of manifest.types) {
    const value: RuntimeType = {
      desc: { k: 'name', name: declared.name },
      scope,
      name: declared.name,
    };
    pushType(L, value, true);
    lua.lua_setfield(L, env, luaString(declared.name));
  }
  const typeofs = manifest.typeofs.map((desc): RuntimeType => ({ desc, scope }));
  lua.lua_pushcfunction(L, (L1: LuaState) => {
    const index = Number(lua.lua_tointeger(L1, 1));
    const known = typeofs[index];
    if (known && !toType(L1, 2)) pushType(L1, known);
    else pushTypeOfValue(L1, 2);
    return 1;
  });
  lua.lua_setfield(L, env, luaString(TYPEOF_STATIC));
  // Every other global is _G's: reads fall through, writes go there.
  lua.lua_newtable(L);
  lua.lua_pushglobaltable(L);
  lua.lua_setfield(L, -2, luaString('__index'));
  lua.lua_pushglobaltable(L);
  lua.lua_setfield(L, -2, luaString('__newindex'));
  lua.lua_setmetatable(L, env);
  if (lua.lua_setupvalue(L, fn, 1) === null) lua.lua_pop(L, 1);
}
