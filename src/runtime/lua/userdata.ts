/**
 * A userdata type written once: a Lua value that carries one JS value (a channel, a Time, an
 * error object), recognised by the metatable the registry keeps under the type's name
 * (`luaL_newmetatable`). The name is what scripts see: Lua's own messages say
 * "channel.Channel expected, got time.Time", `tostring` of a type without `__tostring` says
 * "time.Timer: 0x69", and `getmetatable(v)` returns it (`__metatable`, so no script can reach
 * or replace the metatable).
 */
import {
  argError,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from './api.ts';

/** Metamethods by name: `__tostring`, `__concat`, `__eq`... */
export type Metamethods = Record<`__${string}`, LuaFunction>;

export interface UserdataMetatable {
  /** The methods, as the metatable's `__index`; without them indexing the value is an error. */
  methods?: Record<string, LuaFunction>;
  /** `__tostring`, `__concat`, operators..., set in this order after `__index`. */
  metamethods?: Metamethods;
}

export interface UserdataType<T> {
  readonly name: string;
  /** Push a new userdata carrying `value`; `register` must have run in this state. */
  push(L: LuaState, value: T): void;
  /** The value carried by the userdata at `idx`, or null when it is not one of this type. */
  to(L: LuaState, idx: number): T | null;
  /** The value at `idx`, or an argument error (see `userdataType`). */
  check(L: LuaState, idx: number): T;
  /** Create the type's metatable; once per state, when the library opens. */
  register(L: LuaState, metatable?: UserdataMetatable): void;
}

/**
 * `expected` is the whole message of `check`'s argument error, as the platform words it for
 * the type ("time expected"). Without it `check` is `luaL_checkudata`, whose message names
 * both types: "bad argument #1 to 'receive' (channel.Channel expected, got number)".
 */
export function userdataType<T>(name: string, expected?: string): UserdataType<T> {
  const key = luaString(name);

  // Closures, not methods using `this`: modules export them as plain functions (pushTime).
  const to = (L: LuaState, idx: number): T | null => {
    const box = lauxlib.luaL_testudata(L, idx, key);
    // Test the box, not the value: a Duration of 0n is falsy and still a Duration.
    return box ? (box.value as T) : null;
  };

  const check = (L: LuaState, idx: number): T => {
    if (expected === undefined) return lauxlib.luaL_checkudata(L, idx, key).value as T;
    const box = lauxlib.luaL_testudata(L, idx, key);
    if (!box) argError(L, idx, expected);
    return box.value as T;
  };

  const push = (L: LuaState, value: T): void => {
    // fengari's userdata is a JS object (lua_newuserdata ignores the size), so it holds the
    // value itself: nothing to free, and the value lives exactly as long as the userdata.
    const box = lua.lua_newuserdata(L, 0);
    box.value = value;
    lauxlib.luaL_setmetatable(L, key);
  };

  const register = (L: LuaState, metatable: UserdataMetatable = {}): void => {
    lauxlib.luaL_newmetatable(L, key);
    if (metatable.methods) {
      lua.lua_newtable(L);
      setFunctions(L, metatable.methods);
      lua.lua_setfield(L, -2, luaString('__index'));
    }
    if (metatable.metamethods) setFunctions(L, metatable.metamethods);
    pushText(L, name);
    lua.lua_setfield(L, -2, luaString('__metatable'));
    lua.lua_pop(L, 1);
  };

  return { name, push, to, check, register };
}
