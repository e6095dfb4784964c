/**
 * Lenient, never silent. Where the platform quietly ignores something (an unknown option, a
 * wrong type, an out-of-range value), the playground does the same and also says so: a
 * warning with the script's line, shown in the console, marked in the editor, printed as
 * `warning:` by the CLI. In strict mode (`npm run lua -- --strict`) a warning is a Lua error
 * instead, so CI can fail a script that relies on something the platform ignores.
 *
 * Call `warn` only from a Lua-callable function: in strict mode it raises.
 */
import { lua, raise, type LuaState } from './lua/api.ts';

export interface WarningSink {
  warn(message: string, line: number | undefined): void;
  strict: boolean;
}

/** One sink per Lua state; keyed by the global state, which every thread of a run shares. */
const sinks = new WeakMap<object, WarningSink>();

function globalOf(L: LuaState): object {
  return (L as unknown as { l_G: object }).l_G;
}

export function setWarningSink(L: LuaState, sink: WarningSink): void {
  sinks.set(globalOf(L), sink);
}

/** The line of the innermost Lua function on the stack of `L` (the script's calling line). */
export function callerLine(L: LuaState): number | undefined {
  const ar = new lua.lua_Debug();
  for (let level = 1; lua.lua_getstack(L, level, ar); level++) {
    lua.lua_getinfo(L, 'Sl', ar);
    if (ar.currentline > 0) return ar.currentline as number;
  }
  return undefined;
}

/**
 * Report something the platform would silently ignore; raises instead in strict mode. `line`
 * defaults to the script line that called the current (library) function.
 */
export function warn(L: LuaState, message: string, line: number | undefined = callerLine(L)): void {
  const sink = sinks.get(globalOf(L));
  if (sink?.strict) raise(L, `strict: ${message}`);
  sink?.warn(message, line);
}
