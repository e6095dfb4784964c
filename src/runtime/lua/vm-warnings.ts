/**
 * Warnings the engine raises itself under the `wippy` dialect, where the VM does what the
 * platform does but a script ported from Lua 5.3 would not expect it: `7 // 2.5` truncates
 * both operands (3, not 2.0), `3.5 | 0` truncates instead of failing. The patched engine
 * calls `l_G.wippyWarn(L, message)` (lwippy.js) from the opcode that does it; the warning
 * goes through the usual path (console, editor marker, CLI `warning:`, `--strict` raises)
 * with the line of the Lua function running that opcode.
 */
import { warn } from '../warnings.ts';
import { lua, type LuaState } from './api.ts';

/** The line the running Lua function is at (level 0: the VM is inside it, no C call). */
function currentLine(L: LuaState): number | undefined {
  const ar = new lua.lua_Debug();
  if (!lua.lua_getstack(L, 0, ar)) return undefined;
  lua.lua_getinfo(L, 'l', ar);
  return ar.currentline > 0 ? (ar.currentline as number) : undefined;
}

function warnFromVm(L: LuaState, message: string): void {
  warn(L, message, currentLine(L));
}

/** Let the engine report its traps for this state (set with the dialect). */
export function installVmWarnings(L: LuaState): void {
  (L as unknown as { l_G: { wippyWarn?: typeof warnFromVm } }).l_G.wippyWarn = warnFromVm;
}
