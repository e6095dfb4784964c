/**
 * How a process's end reads as a result: its main's return values (the platform's
 * extractReturnError rule for an entry, the playground's for a lone script), a raised error
 * with its traceback, or an error made by the runtime (terminated, deadlock, a limit).
 */
import { lauxlib } from 'fengari';
import { decodeUtf8, lua, toDisplayString, type LuaState } from '../runtime/lua/api.ts';
import { toError, formatError } from '../runtime/modules/errors.ts';
import type { LuaFailure } from '../shared/run-events.ts';
import type { Program } from './program.ts';
import type { ExitResult } from './types.ts';
import { copyOut, copiedErrorMessage } from './payload-copy.ts';

/** How a process ended, for the node. */
export interface ProcessExit {
  result: ExitResult;
  /** An error exit, shaped for display (the run's failure when it is the main process). */
  failure?: LuaFailure;
  /** How the run should end when this is its main process: stopped by the user. */
  stopped?: boolean;
  /** The main returned `false` (a failed test, to the platform's test runner). */
  returnedFalse?: boolean;
}

export function errorResult(message: string): ExitResult {
  return { value: null, error: copiedErrorMessage(message), errorText: message };
}

/**
 * How the main task's return values end the process. A lone script keeps the playground's
 * rule (`return nil, err` fails the run); an entry the platform's (extractReturnError,
 * process.go:1626-1642): a second value that is a string or an error value is an error exit.
 */
export function exitOfMain(thread: LuaState, program: Program): ProcessExit {
  const n = lua.lua_gettop(thread);
  const value = n >= 1 ? copyOut(thread, 1, () => {}) : null;
  const returnedFalse =
    n >= 1 && lua.lua_type(thread, 1) === lua.LUA_TBOOLEAN && !lua.lua_toboolean(thread, 1);
  if (program.kind === 'script') {
    if (n < 2 || lua.lua_toboolean(thread, 1) || lua.lua_isnil(thread, 2)) {
      return { result: { value, error: null }, returnedFalse };
    }
  } else if (n < 2 || (lua.lua_type(thread, 2) !== lua.LUA_TSTRING && !toError(thread, 2))) {
    return { result: { value, error: null }, returnedFalse };
  }
  const error = toError(thread, 2);
  const text = error ? formatError(error) : toDisplayString(thread, 2);
  const message = program.kind === 'script' ? `the script returned an error: ${text}` : text;
  return {
    result: { value, error: copyOut(thread, 2, () => {}), errorText: text },
    failure: { message, traceback: '' },
  };
}

/** The error on top of a failed thread, with its traceback and the script line it names. */
function describeFailure(thread: LuaState, chunkName: string): LuaFailure {
  // A thread that died of a stack overflow has no room left for the traceback.
  lua.lua_checkstack(thread, 20);
  const error = toError(thread, -1);
  const message = error ? formatError(error) : toDisplayString(thread, -1);
  lauxlib.luaL_traceback(thread, thread, null, 0);
  const traceback = decodeUtf8(lua.lua_tolstring(thread, -1) as Uint8Array);
  lua.lua_pop(thread, 1);
  return { message, traceback, line: lineOf(message, chunkName) ?? lineOf(traceback, chunkName) };
}

export function lineOf(text: string, chunkName: string): number | undefined {
  const escaped = chunkName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):`).exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A task raised: the error value itself when it is an error object, else its message as one. */
export function exitOfFailure(thread: LuaState, chunkName: string): ProcessExit {
  // A thread that died of a stack overflow has no room left even to look at its error.
  lua.lua_checkstack(thread, 20);
  const error = toError(thread, -1) ? copyOut(thread, -1, () => {}) : null;
  const failure = describeFailure(thread, chunkName);
  const result = {
    value: null,
    error: error ?? copiedErrorMessage(failure.message),
    errorText: failure.message,
  };
  return { result, failure };
}
