/**
 * The `errors` library and the error objects every module returns, as the platform has them
 * (wippyai/go-lua `error.go` and `errorslib.go`): a kind string ("" = unknown), a message, a
 * retryable flag that may be unknown (nil), details, the Lua stack where the error was made,
 * and, for `errors.wrap`, a context and the wrapped error. `tostring(err)` and `..` give the
 * message. The kind strings live in src/shared/lua-api-errors.ts.
 */
import {
  argError,
  checkText,
  decodeUtf8,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  toDisplayString,
  typeName,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import { warn } from '../warnings.ts';
import { ERROR_KIND_VALUES, type ErrorKindName } from '../../shared/lua-api-errors.ts';
import { copyDetails, pushDetail, type DetailMap } from './error-details.ts';

export type { ErrorKindName };

export interface StackFrame {
  level: number;
  source: string;
  line: number;
  name: string;
  /** "Lua", "C" or "main", as `debug.getinfo` says. */
  what: string;
}

export interface RuntimeError {
  /** The platform's kind string, e.g. "Invalid"; "" when unknown. */
  kind: string;
  message: string;
  /** undefined = unknown (`err:retryable()` returns nil). */
  retryable: boolean | undefined;
  details?: DetailMap;
  /** What `errors.wrap` (or a module, e.g. "decode failed") added. */
  context?: string;
  /** The error that `errors.wrap` wrapped. */
  wrapped?: RuntimeError;
  /** Where the error reached Lua (set by pushError on its copy). */
  stack?: { thread: string; frames: StackFrame[] };
}

/** No `check`: a method called on something else answers a neutral value (see `method`). */
const errorObject = userdataType<RuntimeError>('errors.Error');
const TABLE_FIELDS = new Set(['message', 'kind', 'retryable', 'details']);

/** An error made by the runtime's own modules (kind by its constant's name: 'INVALID'). */
export function runtimeError(
  kind: ErrorKindName,
  message: string,
  retryable: boolean | undefined = false,
  context?: string,
): RuntimeError {
  return { kind: ERROR_KIND_VALUES[kind], message, retryable, context };
}

/** How a run's failure shows an uncaught error object: `Kind: message`, or the message. */
export function formatError(e: RuntimeError): string {
  return e.kind ? `${e.kind}: ${e.message}` : e.message;
}

/** The platform's `Error()`: the message with the context in front (what a wrap wraps). */
export function errorString(e: RuntimeError): string {
  return e.context ? `${e.context}: ${e.message}` : e.message;
}

function threadId(L: LuaState): string {
  lua.lua_pushthread(L);
  const id = toDisplayString(L, -1).replace(/^thread: /, '');
  lua.lua_pop(L, 1);
  return id;
}

/** The Lua stack of `L`, innermost first (level 0 is the function making the error). */
function captureStack(L: LuaState): RuntimeError['stack'] {
  const frames: StackFrame[] = [];
  const ar = new lua.lua_Debug();
  for (let level = 0; lua.lua_getstack(L, level, ar); level++) {
    lua.lua_getinfo(L, luaString('Sln'), ar);
    // fengari names its JavaScript functions "[JS]"/"J"; Lua calls them "[C]"/"C".
    const what = decodeUtf8(ar.what as Uint8Array);
    frames.push({
      level,
      source: what === 'J' ? '[C]' : decodeUtf8(ar.short_src as Uint8Array),
      line: ar.currentline as number,
      name: ar.name ? decodeUtf8(ar.name as Uint8Array) : '',
      what: what === 'J' ? 'C' : what,
    });
  }
  return { thread: threadId(L), frames };
}

/**
 * Push an error object; the metatable is created by `openErrors`. Each push is a value of its
 * own with the stack where it was pushed (a module may push one shared error many times).
 */
export function pushError(L: LuaState, error: RuntimeError): void {
  errorObject.push(L, { ...error, stack: error.stack ?? captureStack(L) });
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
export const toError = errorObject.to;

/** The platform's `String()` of each side of a `..`. */
function concatPart(L: LuaState, idx: number): string {
  const error = toError(L, idx);
  return error ? error.message : toDisplayString(L, idx);
}

/** `err:stack()`: context and frames of each error in the wrap chain (go-lua `Stack()`). */
function stackText(e: RuntimeError): string {
  let text = '';
  for (let current: RuntimeError | undefined = e; current; current = current.wrapped) {
    if (current.context) text += `${current.context}\n`;
    for (const f of current.stack?.frames ?? []) text += `  ${f.source}:${f.line} (${f.name})\n`;
  }
  return text;
}

function pushCallStack(L: LuaState, stack: NonNullable<RuntimeError['stack']>): void {
  lua.lua_createtable(L, 0, 2);
  pushText(L, stack.thread);
  lua.lua_setfield(L, -2, luaString('thread'));
  lua.lua_createtable(L, stack.frames.length, 0);
  stack.frames.forEach((f, i) => {
    lua.lua_createtable(L, 0, 5);
    lua.lua_pushinteger(L, f.level);
    lua.lua_setfield(L, -2, luaString('level'));
    pushText(L, f.source);
    lua.lua_setfield(L, -2, luaString('source'));
    lua.lua_pushinteger(L, f.line);
    lua.lua_setfield(L, -2, luaString('line'));
    pushText(L, f.name);
    lua.lua_setfield(L, -2, luaString('name'));
    pushText(L, f.what);
    lua.lua_setfield(L, -2, luaString('type'));
    lua.lua_rawseti(L, -2, i + 1);
  });
  lua.lua_setfield(L, -2, luaString('frames'));
}

/**
 * A method called on something that is not an error: the platform answers its neutral value
 * ("" or nil) instead of raising, and so do we, with a warning.
 */
function method(
  name: string,
  onError: (L: LuaState, e: RuntimeError) => void,
  neutral: (L: LuaState) => void,
): LuaFunction {
  return (L) => {
    const error = toError(L, 1);
    if (error) onError(L, error);
    else {
      warn(L, `err:${name}() on a ${typeName(L, 1)}, not an error: gives the neutral value`);
      neutral(L);
    }
    return 1;
  };
}

const pushEmpty = (L: LuaState) => lua.lua_pushliteral(L, '');
const pushNil = (L: LuaState) => lua.lua_pushnil(L);

const methods: Record<string, LuaFunction> = {
  details: method(
    'details',
    (L, e) => (e.details?.size ? pushDetail(L, e.details) : pushNil(L)),
    pushNil,
  ),
  kind: method('kind', (L, e) => pushText(L, e.kind), pushEmpty),
  message: method('message', (L, e) => pushText(L, e.message), pushEmpty),
  retryable: method(
    'retryable',
    (L, e) => (e.retryable === undefined ? pushNil(L) : lua.lua_pushboolean(L, e.retryable)),
    pushNil,
  ),
  stack: method('stack', (L, e) => pushText(L, stackText(e)), pushEmpty),
};

/** errors.new{...}: `message` required; other fields of the wrong type ignored, with a warning. */
function newFromTable(L: LuaState): RuntimeError {
  const t = 1;
  pushText(L, 'message');
  const messageType = lua.lua_rawget(L, t);
  if (messageType === lua.LUA_TNIL) argError(L, 1, 'message field is required');
  if (messageType !== lua.LUA_TSTRING) argError(L, 1, 'message must be a string');
  const error: RuntimeError = { kind: '', message: checkText(L, -1), retryable: undefined };
  lua.lua_pop(L, 1);

  const field = (name: string): number => {
    pushText(L, name);
    return lua.lua_rawget(L, t) as number;
  };
  const ignored = (name: string, want: string) =>
    warn(L, `errors.new: '${name}' must be ${want}, got ${typeName(L, -1)}; it is ignored`);
  const kindType = field('kind');
  if (kindType === lua.LUA_TSTRING) error.kind = checkText(L, -1);
  else if (kindType !== lua.LUA_TNIL) ignored('kind', 'a string');
  lua.lua_pop(L, 1);
  const retryableType = field('retryable');
  if (retryableType === lua.LUA_TBOOLEAN) error.retryable = lua.lua_toboolean(L, -1) as boolean;
  else if (retryableType !== lua.LUA_TNIL) ignored('retryable', 'a boolean');
  lua.lua_pop(L, 1);
  const detailsType = field('details');
  if (detailsType === lua.LUA_TTABLE) error.details = copyDetails(L, -1);
  else if (detailsType !== lua.LUA_TNIL) ignored('details', 'a table');
  lua.lua_pop(L, 1);

  lua.lua_pushnil(L);
  while (lua.lua_next(L, t) !== 0) {
    const key = lua.lua_type(L, -2) === lua.LUA_TSTRING ? checkText(L, -2) : null;
    if (key === null || !TABLE_FIELDS.has(key))
      warn(
        L,
        `errors.new: field ${key === null ? '(not a string)' : `'${key}'`} is ignored (known: message, kind, retryable, details)`,
      );
    lua.lua_pop(L, 1);
  }
  return error;
}

const library: Record<string, LuaFunction> = {
  call_stack(L) {
    const error = toError(L, 1);
    if (error?.stack && error.stack.frames.length > 0) pushCallStack(L, error.stack);
    else lua.lua_pushnil(L);
    return 1;
  },
  /** errors.is(err, kind): false for anything that is not an error object. */
  is(L) {
    lauxlib.luaL_checkany(L, 1);
    const kind = checkText(L, 2);
    const error = toError(L, 1);
    lua.lua_pushboolean(L, error !== null && error.kind === kind);
    return 1;
  },
  /** errors.new(message) or errors.new{message=, kind=, retryable=, details=}. */
  new(L) {
    lauxlib.luaL_checkany(L, 1);
    const type = lua.lua_type(L, 1);
    if (type === lua.LUA_TSTRING) {
      pushError(L, { kind: '', message: checkText(L, 1), retryable: undefined });
      return 1;
    }
    if (type !== lua.LUA_TTABLE) argError(L, 1, 'expected string or table');
    pushError(L, newFromTable(L));
    return 1;
  },
  /** errors.wrap(err, context): kind, retryable and details carried over (go-lua errorsWrap). */
  wrap(L) {
    lauxlib.luaL_checkany(L, 1);
    lauxlib.luaL_checkany(L, 2);
    const parent = toError(L, 1);
    if (!parent && lua.lua_type(L, 1) !== lua.LUA_TSTRING)
      argError(L, 1, 'expected string or error object');
    const contextError = toError(L, 2);
    if (!contextError && lua.lua_type(L, 2) !== lua.LUA_TSTRING)
      argError(L, 2, 'expected string or error object');
    const error: RuntimeError = {
      kind: parent?.kind ?? '',
      message: parent ? errorString(parent) : checkText(L, 1),
      retryable: parent?.retryable,
      details: parent?.details,
      context: contextError ? contextError.message : checkText(L, 2),
      wrapped: parent ?? undefined,
    };
    pushError(L, error);
    return 1;
  },
};

export function openErrors(L: LuaState): number {
  errorObject.register(L, {
    methods,
    metamethods: {
      __tostring: (L1) => {
        pushText(L1, toError(L1, 1)?.message ?? '');
        return 1;
      },
      __concat: (L1) => {
        pushText(L1, concatPart(L1, 1) + concatPart(L1, 2));
        return 1;
      },
    },
  });

  lua.lua_newtable(L);
  setFunctions(L, library);
  for (const [name, value] of Object.entries(ERROR_KIND_VALUES)) {
    pushText(L, value);
    lua.lua_setfield(L, -2, luaString(name));
  }
  return 1;
}
