/**
 * Warnings the engine raises itself under the `wippy` dialect, where the VM does what the
 * platform does but a script ported from Lua 5.3 would not expect it: `7 // 2.5` truncates
 * both operands (3, not 2.0), `3.5 | 0` truncates instead of failing. The patched engine
 * calls `l_G.wippyWarn(L, message)` (lwippy.js) from the opcode that does it; the warning
 * goes through the usual path (console, editor marker, CLI `warning:`, `--strict` raises)
 * with the line (and file) of the Lua function running that opcode.
 */
import { currentLocation, warn } from '../warnings.ts';
import type { LuaState } from './api.ts';

function warnFromVm(L: LuaState, message: string): void {
  warn(L, message, currentLocation(L));
}

/** Let the engine report its traps for this state (set with the dialect). */
export function installVmWarnings(L: LuaState): void {
  (L as unknown as { l_G: { wippyWarn?: typeof warnFromVm } }).l_G.wippyWarn = warnFromVm;
}
