/**
 * The platform's `io` module (wippyai/runtime `runtime/lua/modules/io`): terminal output and
 * input for a process on a `terminal.host`. `print`/`eprint` join their arguments with tabs
 * and end the line, `write` adds nothing; `readline`/`read` park the task until input comes
 * (terminal-input.ts). A process elsewhere gets `openTerminalIo(null)`, where every function
 * answers `nil, "no terminal context"` (kind Unavailable) and `args()` an empty table, as the
 * platform's module does without a terminal context.
 */
import {
  lua,
  lauxlib,
  pushText,
  setFunctions,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { returnError, runtimeError } from './errors.ts';

export interface TerminalHost {
  /** Text from one call; `newline` for print/eprint; `stream` stderr for eprint. */
  write(text: string, newline: boolean, stream: 'stdout' | 'stderr'): void;
  /** `io.readline()`: pushes its results (a line, or `nil, err`), suspending until input comes. */
  readline(L: LuaState): number;
  /** `io.read(n)`: the same for up to n characters; absent, read answers like readline. */
  read?(L: LuaState, size: number): number;
  /** `io.args()`: the arguments after the entry (`--run ENTRY ARG...`). */
  args?: readonly string[];
}

const NO_TERMINAL = runtimeError('UNAVAILABLE', 'no terminal context', false);
const NO_RAW = runtimeError('UNAVAILABLE', 'raw terminal control unavailable', false);

function joined(L: LuaState, separator: string): string {
  const parts: string[] = [];
  for (let i = 1; i <= lua.lua_gettop(L); i++) parts.push(toDisplayString(L, i));
  return parts.join(separator);
}

function terminalFunctions(host: TerminalHost): Record<string, LuaFunction> {
  const ok = (L: LuaState) => {
    lua.lua_pushboolean(L, true);
    return 1;
  };
  return {
    args: (L) => {
      const args = host.args ?? [];
      lua.lua_createtable(L, args.length, 0);
      args.forEach((arg, i) => {
        pushText(L, arg);
        lua.lua_rawseti(L, -2, i + 1);
      });
      return 1;
    },
    eprint: (L) => {
      host.write(joined(L, '\t'), true, 'stderr');
      return ok(L);
    },
    flush: ok,
    print: (L) => {
      host.write(joined(L, '\t'), true, 'stdout');
      return ok(L);
    },
    raw: (L) => returnError(L, NO_RAW),
    read: (L) => {
      const size = lauxlib.luaL_optinteger(L, 1, 0) as number;
      lua.lua_settop(L, 0);
      return host.read ? host.read(L, size) : host.readline(L);
    },
    readline: (L) => {
      lua.lua_settop(L, 0);
      return host.readline(L);
    },
    write: (L) => {
      host.write(joined(L, ''), false, 'stdout');
      return ok(L);
    },
  };
}

function noTerminalFunctions(): Record<string, LuaFunction> {
  const unavailable = (L: LuaState) => returnError(L, NO_TERMINAL);
  return {
    args: (L) => {
      lua.lua_createtable(L, 0, 0);
      return 1;
    },
    eprint: unavailable,
    flush: unavailable,
    print: unavailable,
    raw: unavailable,
    read: unavailable,
    readline: unavailable,
    write: unavailable,
  };
}

/** The `io` module's opener: for a terminal process with `host`, or without one (null). */
export function openTerminalIo(host: TerminalHost | null): LuaFunction {
  const functions = host ? terminalFunctions(host) : noTerminalFunctions();
  return (L: LuaState) => {
    lua.lua_createtable(L, 0, Object.keys(functions).length);
    setFunctions(L, functions);
    return 1;
  };
}
