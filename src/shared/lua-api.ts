/**
 * The Lua API of the playground, described once (contract: shared/spec/websocket-module.md).
 * Editor completion and hover (src/editor/lua-completion.ts) and the README reference
 * (scripts/gen-api-docs.ts) are generated from this; edit here, then run
 * `npx tsx scripts/gen-api-docs.ts`.
 */
import type { LuaApi } from './lua-api-types.ts';
import { WEBSOCKET_MODULE } from './lua-api-websocket.ts';
import { CHANNEL_MODULE } from './lua-api-channel.ts';
import { TIME_MODULE } from './lua-api-time.ts';
import { JSON_MODULE } from './lua-api-json.ts';
import { ERRORS_MODULE, ERROR_KINDS } from './lua-api-errors.ts';
import { COROUTINE_MODULE } from './lua-api-coroutine.ts';
import { PROCESS_MODULE } from './lua-api-process.ts';
import { FUNCS_MODULE } from './lua-api-funcs.ts';
import { EVENTS_MODULE } from './lua-api-events.ts';
import { CTX_MODULE } from './lua-api-ctx.ts';
import { PAYLOAD_MODULE } from './lua-api-payload.ts';
import { SECURITY_MODULE } from './lua-api-security.ts';
import { IO_MODULE } from './lua-api-io.ts';
import { LOGGER_MODULE } from './lua-api-logger.ts';
import { UUID_MODULE } from './lua-api-uuid.ts';
import { HASH_MODULE } from './lua-api-hash.ts';

export const LUA_API: LuaApi = {
  modules: [
    WEBSOCKET_MODULE,
    CHANNEL_MODULE,
    TIME_MODULE,
    JSON_MODULE,
    ERRORS_MODULE,
    COROUTINE_MODULE,
    PROCESS_MODULE,
    FUNCS_MODULE,
    EVENTS_MODULE,
    CTX_MODULE,
    PAYLOAD_MODULE,
    SECURITY_MODULE,
    IO_MODULE,
    LOGGER_MODULE,
    UUID_MODULE,
    HASH_MODULE,
  ],
  errorKinds: ERROR_KINDS,
};
