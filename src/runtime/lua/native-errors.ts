/**
 * A JavaScript exception inside Lua (a bug in a library function, an engine assertion) becomes
 * a Lua error, `internal error: <message>`: `pcall` catches it, and a task that does not ends
 * the run with that error. Without this, fengari rethrows it out of `lua_resume`, past the
 * scheduler, and the run would hang until stopped.
 */
import { lua, pushText, type LuaState } from './api.ts';

export function catchNativeErrors(L: LuaState): void {
  lua.lua_atnativeerror(L, (L1: LuaState) => {
    const error: unknown = lua.lua_touserdata(L1, -1);
    pushText(L1, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  });
}
