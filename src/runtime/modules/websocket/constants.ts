/**
 * The module's constants, as the platform defines them (module.go:81-119): message types,
 * compression modes and the 16 close codes, each table read-only.
 */
import { lua, luaString, pushText, type LuaState } from '../../lua/api.ts';
import { makeReadOnly } from '../../lua/readonly.ts';

export const CLOSE_CODES: Record<string, number> = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  RESERVED: 1004,
  NO_STATUS: 1005,
  ABNORMAL_CLOSURE: 1006,
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  MANDATORY_EXTENSION: 1010,
  INTERNAL_ERROR: 1011,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
  BAD_GATEWAY: 1014,
  TLS_HANDSHAKE: 1015,
};

export const COMPRESSION: Record<string, number> = {
  DISABLED: 0,
  CONTEXT_TAKEOVER: 1,
  NO_CONTEXT: 2,
};

export const MESSAGE_CONSTANTS: Record<string, number | string> = {
  TEXT: 1,
  BINARY: 2,
  TYPE_TEXT: 'text',
  TYPE_BINARY: 'binary',
  TYPE_PING: 'ping',
  TYPE_PONG: 'pong',
  TYPE_CLOSE: 'close',
};

/** Push a read-only table of `values`, named `name` in the message of a refused write. */
export function pushConstantTable(
  L: LuaState,
  name: string,
  values: Record<string, number | string>,
  /** Fields to add before the table is sealed (the module's functions and subtables). */
  extra?: (L: LuaState) => void,
): void {
  lua.lua_newtable(L);
  extra?.(L);
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'number') lua.lua_pushinteger(L, value);
    else pushText(L, value);
    lua.lua_setfield(L, -2, luaString(key));
  }
  makeReadOnly(L, name);
}
