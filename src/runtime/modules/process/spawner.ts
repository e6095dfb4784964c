/**
 * Spawners (context.go:37-551): `process.with_context(t)` / `with_options(t)` and each method
 * return a new immutable Spawner carrying ctx values, options, a name (spawn-or-signal: when the
 * name is registered, `spawn` returns that pid and delivers the queued messages to it) and
 * messages sent first; its `spawn*` methods spawn as `process.spawn*` does, and `exec` runs as
 * `process.exec` does, with the spawner's context (en/lua/core/process.md "Spawner Exec"). The spawn family
 * of the module goes through `spawn` here too.
 */
import { checkText, lua, pushText, raise, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import { warn } from '../../warnings.ts';
import type { Copied, ProcessSelf } from '../../../process/types.ts';
import { copyOut } from '../../../process/payload-copy.ts';
import { copyArgs, execEntry, returnApiError, returnResult } from './module.ts';
import { checkActorArg, checkScopeArg } from '../security.ts';

export type SpawnMode = 'plain' | 'monitored' | 'linked' | 'linked_monitored';

interface Spawner {
  context: Map<string, Copied> | null;
  options: Record<string, Copied>;
  name?: string;
  messages: Array<{ topic: string; payloads: Copied[] }>;
}

const spawnerType = userdataType<Spawner>('process.Spawner');

export function spawnerLibrary(self: ProcessSelf) {
  const plain = (): Spawner => ({ context: null, options: {}, messages: [] });

  /** Table at `idx` with string keys, copied (context and options alike). */
  const copyTable = (L: LuaState, idx: number, what: string): Map<string, Copied> => {
    if (lua.lua_type(L, idx) !== lua.LUA_TTABLE) raise(L, `${what} must be a table`);
    const out = new Map<string, Copied>();
    lua.lua_pushnil(L);
    while (lua.lua_next(L, idx) !== 0) {
      if (lua.lua_type(L, -2) !== lua.LUA_TSTRING) raise(L, 'context keys must be strings');
      const key = checkText(L, -2);
      out.set(
        key,
        copyOut(L, -1, (lost) => warn(L, `${what}: ${lost} cannot cross to another process`)),
      );
      lua.lua_pop(L, 1);
    }
    return out;
  };

  const withContext = (L: LuaState, base: Spawner, idx: number): number => {
    const added = copyTable(L, idx, 'context');
    const context = new Map(base.context ?? self.context);
    for (const [k, v] of added) context.set(k, v);
    spawnerType.push(L, { ...base, context });
    return 1;
  };

  const withSecurity = (L: LuaState, base: Spawner, [key, value]: [string, Copied]): number => {
    spawnerType.push(L, {
      ...base,
      context: new Map(base.context ?? self.context).set(key, value),
    });
    return 1;
  };

  const withOptions = (L: LuaState, base: Spawner, idx: number): number => {
    const added = copyTable(L, idx, 'options');
    if (added.size > 0)
      warn(
        L,
        `spawn options (${[...added.keys()].join(', ')}) are kept but not used by the playground`,
      );
    spawnerType.push(L, { ...base, options: { ...base.options, ...Object.fromEntries(added) } });
    return 1;
  };

  const spawn = (L: LuaState, mode: SpawnMode, spawner: Spawner, first: number): number => {
    const fn = mode === 'plain' ? 'spawn' : `spawn_${mode}`;
    if (lua.lua_gettop(L) < first + 1)
      return returnApiError(L, {
        kind: 'INVALID',
        message: `${fn} requires at least id and host arguments`,
      });
    const entryId = checkText(L, first);
    const host = checkText(L, first + 1);
    const args = copyArgs(L, first + 2, `process.${fn}`);
    const result = self.node.spawn({
      entryId,
      host,
      args,
      parent: self.pid,
      monitor: mode === 'monitored' || mode === 'linked_monitored',
      link: mode === 'linked' || mode === 'linked_monitored',
      context: spawner.context ?? undefined,
      name: spawner.name,
      messages: spawner.messages,
    });
    return returnResult(L, result, (pid) => pushText(L, pid));
  };

  const method =
    (body: (L: LuaState, spawner: Spawner) => number): LuaFunction =>
    (L) =>
      body(L, spawnerType.check(L, 1));

  const register = (L: LuaState) =>
    spawnerType.register(L, {
      methods: {
        with_context: method((L1, s) => withContext(L1, s, 2)),
        with_options: method((L1, s) => withOptions(L1, s, 2)),
        // The actor and scope travel in the context map (security.ts), so children inherit them.
        with_actor: method((L1, s) => withSecurity(L1, s, checkActorArg(L1, 2))),
        with_scope: method((L1, s) => withSecurity(L1, s, checkScopeArg(L1, 2))),
        with_name: method((L1, s) => {
          spawnerType.push(L1, { ...s, name: checkText(L1, 2) });
          return 1;
        }),
        with_message: method((L1, s) => {
          const topic = checkText(L1, 2);
          const payloads = copyArgs(L1, 3, 'spawner:with_message');
          spawnerType.push(L1, { ...s, messages: [...s.messages, { topic, payloads }] });
          return 1;
        }),
        spawn: method((L1, s) => spawn(L1, 'plain', s, 2)),
        spawn_monitored: method((L1, s) => spawn(L1, 'monitored', s, 2)),
        spawn_linked: method((L1, s) => spawn(L1, 'linked', s, 2)),
        spawn_linked_monitored: method((L1, s) => spawn(L1, 'linked_monitored', s, 2)),
        // process.md "Spawner Exec": process.exec under the spawner's context, actor and scope.
        exec: method((L1, s) => execEntry(self, L1, 2, s.context ?? undefined)),
      },
      metamethods: {
        __tostring(L1) {
          pushText(L1, 'process.Spawner');
          return 1;
        },
      },
    });

  return { plain, spawn, withContext, withOptions, register };
}
