/**
 * `process.registry` (module.go:628-880): names for pids. Only the local scope exists in a
 * playground run; the cluster scopes (EVENTUAL, CONSISTENT, STRONG: 1, 2, 3 in the code, which
 * the module's spec.md numbers differently) register locally, with a warning.
 */
import { checkText, lua, pushText, type LuaFunction } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import type { ProcessSelf } from '../../../process/types.ts';
import { returnApiError, returnResult } from './module.ts';

export function registryFunctions(self: ProcessSelf): Record<string, LuaFunction> {
  return {
    register(L) {
      const name = checkText(L, 1);
      let pid = self.pid;
      if (!lua.lua_isnoneornil(L, 2)) {
        if (lua.lua_type(L, 2) !== lua.LUA_TSTRING)
          return returnApiError(L, { kind: 'INVALID', message: 'pid must be a string' });
        pid = checkText(L, 2);
      }
      if (!lua.lua_isnoneornil(L, 3)) {
        if (lua.lua_type(L, 3) !== lua.LUA_TNUMBER)
          return returnApiError(L, {
            kind: 'INVALID',
            message: 'scope must be a number (process.registry.LOCAL|EVENTUAL|CONSISTENT|STRONG)',
          });
        if (lua.lua_tonumber(L, 3) !== 0)
          warn(
            L,
            'process.registry: cluster scopes are not emulated; the name is registered locally',
          );
      }
      return returnResult(L, self.node.register(self.pid, name, pid), () =>
        lua.lua_pushboolean(L, true),
      );
    },
    lookup(L) {
      return returnResult(L, self.node.lookup(checkText(L, 1)), (pid) => pushText(L, pid));
    },
    unregister(L) {
      lua.lua_pushboolean(L, self.node.unregister(self.pid, checkText(L, 1)));
      return 1;
    },
  };
}
