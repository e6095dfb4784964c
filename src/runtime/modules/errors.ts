/**
 * The `errors` library: error objects with a stable kind, a message and a retryable flag.
 * Every error the runtime returns is one of these (spec: websocket-module.md, "Errors").
 * `tostring(err)` is `KIND: message`.
 */
import {
  argError,
  checkText,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';

export const ERROR_KINDS = [
  'UNKNOWN',
  'INVALID',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'UNAVAILABLE',
  'INTERNAL',
  'CANCELED',
  'CONFLICT',
  'TIMEOUT',
  'RATE_LIMITED',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface RuntimeError {
  kind: ErrorKind;
  message: string;
  retryable: boolean;
}

const ERROR_TYPE = 'errors.Error';

export function runtimeError(kind: ErrorKind, message: string, retryable = false): RuntimeError {
  return { kind, message, retryable };
}

export function formatError(e: RuntimeError): string {
  return `${e.kind}: ${e.message}`;
}

/** Push an error object; the metatable is created by `openErrors`. */
export function pushError(L: LuaState, error: RuntimeError): void {
  const box = lua.lua_newuserdata(L, 0);
  box.error = error;
  lauxlib.luaL_setmetatable(L, luaString(ERROR_TYPE));
}

/** `return nil, err`: the convention for expected failures. */
export function returnError(L: LuaState, error: RuntimeError): number {
  lua.lua_pushnil(L);
  pushError(L, error);
  return 2;
}

/** `return false, err`: the convention of methods that return `true` on success. */
export function returnFalse(L: LuaState, error: RuntimeError): number {
  lua.lua_pushboolean(L, false);
  pushError(L, error);
  return 2;
}

/** The error object at `idx`, or null when the value is not one. */
export function toError(L: LuaState, idx: number): RuntimeError | null {
  const box = lauxlib.luaL_testudata(L, idx, luaString(ERROR_TYPE));
  return box ? (box.error as RuntimeError) : null;
}

function checkError(L: LuaState): RuntimeError {
  const error = toError(L, 1);
  if (!error) argError(L, 1, 'error object expected');
  return error;
}

function isKind(value: string): value is ErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(value);
}

const methods: Record<string, LuaFunction> = {
  kind(L) {
    pushText(L, checkError(L).kind);
    return 1;
  },
  message(L) {
    pushText(L, checkError(L).message);
    return 1;
  },
  retryable(L) {
    lua.lua_pushboolean(L, checkError(L).retryable);
    return 1;
  },
};

const library: Record<string, LuaFunction> = {
  /** errors.is(err, kind): false for anything that is not an error object. */
  is(L) {
    const error = toError(L, 1);
    const kind = checkText(L, 2);
    lua.lua_pushboolean(L, error !== null && error.kind === kind);
    return 1;
  },
  /** errors.new{kind=, message=, retryable=} or errors.new(message). */
  new(L) {
    if (lua.lua_type(L, 1) === lua.LUA_TSTRING) {
      pushError(L, runtimeError('UNKNOWN', checkText(L, 1)));
      return 1;
    }
    lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
    lua.lua_getfield(L, 1, luaString('kind'));
    const kind = lua.lua_isnil(L, -1) ? 'UNKNOWN' : checkText(L, -1);
    if (!isKind(kind))
      argError(L, 1, `unknown error kind "${kind}" (known: ${ERROR_KINDS.join(', ')})`);
    lua.lua_getfield(L, 1, luaString('message'));
    const message = lua.lua_isnil(L, -1) ? '' : checkText(L, -1);
    lua.lua_getfield(L, 1, luaString('retryable'));
    const retryable = lua.lua_toboolean(L, -1) as boolean;
    lua.lua_settop(L, 1);
    pushError(L, runtimeError(kind, message, retryable));
    return 1;
  },
};

export function openErrors(L: LuaState): number {
  lauxlib.luaL_newmetatable(L, luaString(ERROR_TYPE));
  lua.lua_newtable(L);
  setFunctions(L, methods);
  lua.lua_setfield(L, -2, luaString('__index'));
  lua.lua_pushcfunction(L, (L1: LuaState) => {
    pushText(L1, formatError(checkError(L1)));
    return 1;
  });
  lua.lua_setfield(L, -2, luaString('__tostring'));
  pushText(L, 'errors.Error');
  lua.lua_setfield(L, -2, luaString('__metatable'));
  lua.lua_pop(L, 1);

  lua.lua_newtable(L);
  setFunctions(L, library);
  for (const kind of ERROR_KINDS) {
    pushText(L, kind);
    lua.lua_setfield(L, -2, luaString(kind));
  }
  return 1;
}
