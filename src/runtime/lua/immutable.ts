/**
 * The platform's immutable tables (go-lua `LTable.Immutable`, set by the runtime's
 * `cached_libs.go` on its library tables): every write to such a table, `rawset` included,
 * fails with `attempt to modify Immutable table`. The flag lives on fengari's table object and
 * the engine patch checks it on every write path (docs/engine.md).
 */
import { lua, type LuaState } from './api.ts';

interface EngineTable {
  /** Read by the patched engine before any write to the table. */
  immutable?: boolean;
}

/** Mark the table at `index` immutable; it stays so for the life of the state. */
export function markImmutable(L: LuaState, index: number): void {
  const table = lua.lua_topointer(L, index) as EngineTable | null;
  if (table && lua.lua_type(L, index) === lua.LUA_TTABLE) table.immutable = true;
}

export function isImmutable(L: LuaState, index: number): boolean {
  if (lua.lua_type(L, index) !== lua.LUA_TTABLE) return false;
  return (lua.lua_topointer(L, index) as EngineTable).immutable === true;
}
