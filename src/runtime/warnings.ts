/**
 * Lenient, never silent. Where the platform quietly ignores something (an unknown option, a
 * wrong type, an out-of-range value), the playground does the same and also says so: a
 * warning with the script's line (and file: a project has several), shown in the console,
 * marked in the editor, printed as `warning:` by the CLI. In strict mode
 * (`npm run lua -- --strict`) a warning is a Lua error instead, so CI can fail a script that
 * relies on something the platform ignores.
 *
 * Call `warn` only from a Lua-callable function: in strict mode it raises.
 */
import { decodeUtf8, lua, raise, type LuaState } from './lua/api.ts';

/** Where a warning points: a line of a chunk (the file's name, as it was loaded). */
export interface WarningLocation {
  line: number;
  /** Absent when the chunk was loaded from a string without a `=name`. */
  chunk?: string;
}

export interface WarningSink {
  warn(message: string, at: WarningLocation | undefined): void;
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

type Debug = InstanceType<typeof lua.lua_Debug>;

/**
 * Where the function of `ar` (its 'Sl' info read) is: its line, and its chunk name. Every chunk
 * of a run is loaded as `=name` (load-chunk.ts), so `source` is that name after the `=`.
 */
function locationOf(ar: Debug): WarningLocation {
  const line = ar.currentline as number;
  const source = ar.source ? decodeUtf8(ar.source as Uint8Array) : '';
  return source.startsWith('=') || source.startsWith('@')
    ? { line, chunk: source.slice(1) }
    : { line };
}

/**
 * The line (and chunk) of the innermost Lua function on the stack of `L`: the script's
 * calling line, in the file that function was loaded from.
 */
export function callerLocation(L: LuaState): WarningLocation | undefined {
  const ar = new lua.lua_Debug();
  for (let level = 1; lua.lua_getstack(L, level, ar); level++) {
    lua.lua_getinfo(L, 'Sl', ar);
    if (ar.currentline > 0) return locationOf(ar);
  }
  return undefined;
}

/** Where the running Lua function is (level 0: the VM is inside it, no C call; vm-warnings). */
export function currentLocation(L: LuaState): WarningLocation | undefined {
  const ar = new lua.lua_Debug();
  if (!lua.lua_getstack(L, 0, ar)) return undefined;
  lua.lua_getinfo(L, 'Sl', ar);
  return ar.currentline > 0 ? locationOf(ar) : undefined;
}

/**
 * Report something the platform would silently ignore; raises instead in strict mode. `at`
 * defaults to the script line that called the current (library) function.
 */
export function warn(
  L: LuaState,
  message: string,
  at: WarningLocation | undefined = callerLocation(L),
): void {
  const sink = sinks.get(globalOf(L));
  if (sink?.strict) raise(L, `strict: ${message}`);
  sink?.warn(message, at);
}
