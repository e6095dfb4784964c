/**
 * What the client's methods hand back, shared by them: the connection a call acts on (or the
 * error saying why there is none), and the platform's own error messages.
 */
import { lua, type LuaState } from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import { Connection } from '../../connection.ts';
import { runtimeError, type RuntimeError } from '../errors.ts';

/** The client userdata, carrying its Connection (client.ts pushes and registers it). */
export const clientType = userdataType<Connection>('websocket.Client');

/** After the script's close(): the platform's registry no longer knows the handle. */
export const NOT_FOUND = runtimeError('INTERNAL', 'websocket connection not found');
/** After the server closed or the connection dropped. */
export const CLOSED = runtimeError('INTERNAL', 'websocket connection closed');

export function pushTrue(L: LuaState): number {
  lua.lua_pushboolean(L, true);
  return 1;
}

export type Lookup = (L: LuaState) => Connection | RuntimeError;

/** The connection behind the client at index 1, or why there is none. */
export function lookupFor(ended: () => boolean): Lookup {
  return (L) => {
    const connection = clientType.check(L, 1);
    if (ended())
      return runtimeError(
        'INTERNAL',
        'no runtime context: the run that opened this client has ended',
      );
    return connection instanceof Connection
      ? connection
      : runtimeError('INTERNAL', 'invalid connection ID type');
  };
}

/** The connection if the script may still write to it, else the error to return. */
export function writable(c: Connection | RuntimeError): Connection | RuntimeError {
  if (!(c instanceof Connection)) return c;
  if (c.closedByScript) return NOT_FOUND;
  return c.state === 'open' ? c : CLOSED;
}
